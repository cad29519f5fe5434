import CArchive
import Foundation

/// Writes a gzip-compressed pax tar archive and hands the bytes to a sink as they are produced.
///
/// Output is delivered in small chunks (at most one 10 KiB tar block each), so memory use does
/// not grow with the archive size. Entries are regular files with mode 0600, uid/gid 0, no user
/// or group names and whole-second modification times. Names are written in UTF-8 through pax
/// headers, independent of the process locale: libarchive runs under a thread-local UTF-8
/// `LC_CTYPE`, which the sink also sees while it is called.
///
/// Call ``addFile(path:contents:modified:)`` for each file, then ``finish()`` exactly once.
/// The first error (from libarchive or the sink) ends the writer: later calls throw
/// ``ArchiveError/writerClosed``. Calls are serialised by a lock.
public final class TarGzWriter {
    private let sink: (Data) throws -> Void
    private let lock = NSLock()
    private var archive: OpaquePointer?
    private var setupError: ArchiveError?
    private var sinkError: Error?

    /// Creates a writer that passes every produced chunk of the archive to `sink`.
    ///
    /// - Parameter sink: Receives the archive in order. An error it throws is rethrown from the
    ///   ``addFile(path:contents:modified:)`` or ``finish()`` call that produced the chunk.
    public init(sink: @escaping (Data) throws -> Void) {
        self.sink = sink
        guard let archive = archive_write_new() else {
            setupError = .libarchive(operation: "archive_write_new", message: "out of memory")
            return
        }
        self.archive = archive

        var steps: [(String, (OpaquePointer) -> Int32)] = [
            ("selecting the pax format", { archive_write_set_format_pax_restricted($0) }),
            ("adding the gzip filter", { archive_write_add_filter_gzip($0) }),
            ("setting the block size", { archive_write_set_bytes_per_block($0, 10240) }),
            // 1 means "do not pad the final block": nothing may follow the gzip stream.
            ("setting the last block size", { archive_write_set_bytes_in_last_block($0, 1) }),
        ]
        if !UTF8Locale.isAvailable {
            // Without a UTF-8 locale, store the UTF-8 bytes as-is and flag them as binary.
            steps.append(("selecting binary names", {
                archive_write_set_format_option($0, "pax", "hdrcharset", "BINARY")
            }))
        }
        for (operation, step) in steps where UTF8Locale.run({ step(archive) }) != ARCHIVE_OK {
            fail(.libarchive(operation: operation, message: Libarchive.message(archive)))
            return
        }

        let context = Unmanaged.passUnretained(self).toOpaque()
        let status = UTF8Locale.run {
            archive_write_open2(archive, context, nil, writeCallback, nil, nil)
        }
        if status != ARCHIVE_OK {
            let message = Libarchive.message(archive)
            fail(.libarchive(operation: "opening the archive", message: message))
        }
    }

    deinit {
        if let archive { archive_write_free(archive) }
    }

    /// Adds one regular file.
    ///
    /// - Parameters:
    ///   - path: A relative `/`-separated name without empty, `.` or `..` segments or NUL.
    ///   - contents: The file's bytes.
    ///   - modified: Modification time, stored in whole seconds.
    /// - Throws: ``ArchiveError/invalidPath(path:reason:)`` for a bad name (the writer stays
    ///   usable), the sink's own error, or another ``ArchiveError`` that ends the writer.
    public func addFile(path: String, contents: Data, modified: Date) throws {
        try EntryPath.validate(path)

        lock.lock()
        defer { lock.unlock() }
        let archive = try usableArchive()

        guard let entry = archive_entry_new() else {
            throw ArchiveError.libarchive(operation: "archive_entry_new", message: "out of memory")
        }
        defer { archive_entry_free(entry) }
        if UTF8Locale.isAvailable {
            archive_entry_set_pathname_utf8(entry, path)
        } else {
            archive_entry_set_pathname(entry, path)
        }
        archive_entry_set_filetype(entry, Libarchive.regularFile)
        archive_entry_set_perm(entry, 0o600)
        archive_entry_set_uid(entry, 0)
        archive_entry_set_gid(entry, 0)
        archive_entry_set_size(entry, Int64(contents.count))
        archive_entry_set_mtime(entry, Int(modified.timeIntervalSince1970.rounded(.down)), 0)

        try UTF8Locale.run {
            try check(archive_write_header(archive, entry), "writing the header of \(path)")
            try writeData(contents, to: archive, path: path)
            try check(archive_write_finish_entry(archive), "finishing \(path)")
        }
    }

    /// Writes the end-of-archive marker, flushes the compressor and delivers the last bytes.
    ///
    /// - Throws: The sink's error or an ``ArchiveError``. The writer cannot be used afterwards.
    public func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        let archive = try usableArchive()

        let status = UTF8Locale.run { archive_write_close(archive) }
        archive_write_free(archive)
        self.archive = nil
        setupError = .writerClosed
        if let sinkError { throw sinkError }
        if status != ARCHIVE_OK {
            throw ArchiveError.libarchive(operation: "closing the archive",
                                          message: "status \(status)")
        }
    }

    // MARK: - Internals

    /// Called by libarchive with each finished block.
    fileprivate func deliver(_ bytes: UnsafeRawPointer, count: Int) -> Int {
        do {
            try sink(Data(bytes: bytes, count: count))
            return count
        } catch {
            sinkError = error
            return -1
        }
    }

    private func usableArchive() throws -> OpaquePointer {
        if let sinkError { throw sinkError }
        if let setupError { throw setupError }
        guard let archive else { throw ArchiveError.writerClosed }
        return archive
    }

    private func writeData(_ contents: Data, to archive: OpaquePointer, path: String) throws {
        try contents.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count, let base = buffer.baseAddress {
                let length = min(1 << 20, buffer.count - offset)
                let written = archive_write_data(archive, base + offset, length)
                if written <= 0 { try check(ARCHIVE_FATAL, "writing \(path)") }
                offset += written
            }
        }
    }

    /// Turns a non-OK status into an error and marks the writer as failed.
    private func check(_ status: Int32, _ operation: String) throws {
        guard status != ARCHIVE_OK else { return }
        if let sinkError {
            fail(nil)
            throw sinkError
        }
        let error = ArchiveError.libarchive(operation: operation,
                                            message: Libarchive.message(archive))
        fail(error)
        throw error
    }

    /// Frees the archive without flushing, so nothing more reaches the sink.
    private func fail(_ error: ArchiveError?) {
        if let archive { archive_write_free(archive) }
        archive = nil
        setupError = error ?? .writerClosed
    }
}

/// libarchive write callback; `context` is the unretained ``TarGzWriter``.
private func writeCallback(_ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?,
                           _ buffer: UnsafeRawPointer?, _ length: Int) -> Int {
    guard let context, let buffer else { return length == 0 ? 0 : -1 }
    let writer = Unmanaged<TarGzWriter>.fromOpaque(context).takeUnretainedValue()
    return writer.deliver(buffer, count: length)
}
