/// Failures reported by ``TarGzWriter`` and ``TarGzReader``.
///
/// Descriptions name entries and sizes but never include file contents.
public enum ArchiveError: Error, CustomStringConvertible, Equatable {
    /// An entry name is not a safe relative path (absolute, `..`, empty segment, NUL, …).
    case invalidPath(path: String, reason: String)
    /// An entry is not a regular file (symlink, hard link, directory, device, sparse file, …).
    case unsupportedEntryType(path: String, type: String)
    /// An entry is larger than the reader's `maxEntrySize`.
    case entryTooLarge(path: String, size: Int64, limit: Int)
    /// The input is not gzip-compressed.
    case notGzip
    /// The compressed stream ended before the archive was complete.
    case truncated(detail: String)
    /// The gzip CRC-32 or length in the trailer does not match the decompressed data.
    case gzipTrailerMismatch
    /// Bytes follow the end of the archive (inside or after the gzip stream).
    case trailingData(detail: String)
    /// The writer was used after ``TarGzWriter/finish()`` or after an earlier failure.
    case writerClosed
    /// libarchive reported an error; `operation` is the step that failed.
    case libarchive(operation: String, message: String)

    public var description: String {
        switch self {
        case let .invalidPath(path, reason):
            return "archive entry name \(Self.quote(path)) is not allowed: \(reason)"
        case let .unsupportedEntryType(path, type):
            return "archive entry \(Self.quote(path)) is a \(type); only regular files are "
                + "allowed, so this archive was not produced by bunker or was tampered with"
        case let .entryTooLarge(path, size, limit):
            return "archive entry \(Self.quote(path)) is \(size) bytes, more than the limit of "
                + "\(limit) bytes; raise maxEntrySize if the archive is trusted"
        case .notGzip:
            return "the archive is not gzip-compressed; expected a .tar.gz stream"
        case let .truncated(detail):
            return "the archive is truncated (\(detail)); the download or file is incomplete"
        case .gzipTrailerMismatch:
            return "the gzip checksum or length does not match the data: the archive is "
                + "corrupted or has extra gzip members appended"
        case let .trailingData(detail):
            return "unexpected data after the end of the archive (\(detail)); the archive is "
                + "corrupted or was modified"
        case .writerClosed:
            return "the archive writer is already finished or failed earlier; start a new one"
        case let .libarchive(operation, message):
            return "libarchive failed during \(operation): \(message)"
        }
    }

    /// Quotes a name and escapes control characters so it prints on one line.
    static func quote(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\"" || scalar == "\\" {
                out += scalar.escaped(asASCII: false)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
