import CArchive

/// Small helpers shared by the libarchive wrappers.
enum Libarchive {
    /// File-type bits from `archive_entry.h` (the macros do not import into Swift).
    static let regularFile: UInt32 = 0o100000
    static let directory: UInt32 = 0o040000
    static let symlink: UInt32 = 0o120000
    static let typeMask: UInt32 = 0o170000

    /// The last error message recorded on `archive`, or a fallback.
    static func message(_ archive: OpaquePointer?) -> String {
        guard let archive, let text = archive_error_string(archive) else {
            return "no error message"
        }
        return String(cString: text)
    }

    /// A readable name for a tar entry type, for error messages.
    static func typeName(_ type: UInt32) -> String {
        switch type & typeMask {
        case directory: return "directory"
        case symlink: return "symbolic link"
        case 0o020000: return "character device"
        case 0o060000: return "block device"
        case 0o010000: return "FIFO"
        case 0o140000: return "socket"
        default: return "non-regular entry (mode \(String(type, radix: 8)))"
        }
    }
}
