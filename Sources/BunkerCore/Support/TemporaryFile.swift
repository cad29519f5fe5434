import Foundation

/// A private temporary file (mode 0600) for encrypted bytes only.
final class TemporaryFile {
    let path: String
    let handle: FileHandle

    init() throws {
        let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        var template = Array("\(directory)/bunker-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw BunkerError.uploadFailed("cannot create a temporary file in \(directory)")
        }
        path = String(cString: template)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    func remove() {
        try? handle.close()
        unlink(path)
    }
}
