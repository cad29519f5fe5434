/// Rules for archive entry names, shared by the writer and the reader.
///
/// A valid name is non-empty, relative, `/`-separated, and every segment is non-empty and
/// neither `.` nor `..`. NUL is never allowed.
enum EntryPath {
    /// Throws ``ArchiveError/invalidPath(path:reason:)`` unless `path` follows the rules.
    static func validate(_ path: String) throws {
        if path.isEmpty { throw ArchiveError.invalidPath(path: path, reason: "it is empty") }
        if path.utf8.contains(0) {
            throw ArchiveError.invalidPath(path: path, reason: "it contains a NUL byte")
        }
        if path.hasPrefix("/") {
            throw ArchiveError.invalidPath(path: path, reason: "it is absolute")
        }

        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case "":
                throw ArchiveError.invalidPath(path: path, reason: "it has an empty segment")
            case ".", "..":
                throw ArchiveError.invalidPath(path: path, reason: "it has a '\(segment)' segment")
            default:
                continue
            }
        }
    }
}
