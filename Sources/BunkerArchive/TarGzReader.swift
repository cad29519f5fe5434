import CArchive
import Foundation

/// Reads regular files from a gzip-compressed tar archive pulled from a source, in memory.
///
/// Only gzip and the tar family (ustar, pax, GNU) are accepted. Every entry must be a regular
/// file with a safe relative UTF-8 name; anything else (symlinks, hard links, directories,
/// devices, sparse files, `..` or absolute names) is an error naming the entry.
///
/// - Important: The gzip checksum and the absence of trailing data are only verified when
///   ``next()`` returns `nil`. Treat entries as untrusted until then.
///
/// Limits: each entry is read whole into memory and may be at most `maxEntrySize` bytes.
/// After the first error the reader keeps throwing that error. Calls are serialised by a lock.
public final class TarGzReader {
    private let decoder: GzipDecoder
    private let maxEntrySize: Int
    private let lock = NSLock()
    private let chunkSize = 64 * 1024
    private var archive: OpaquePointer?
    private var failure: Error?
    private var finished = false

    /// Decompressed chunks handed to libarchive; the last two stay readable for the end check.
    private var buffers: [UnsafeMutableRawBufferPointer]
    private var bufferLengths = [0, 0]
    private var current = 1
    private var handedOut: Int64 = 0
    private var decoderError: Error?

    /// Creates a reader. Nothing is read until the first ``next()``.
    ///
    /// - Parameters:
    ///   - source: Called with a byte count n; returns at most n bytes of the compressed
    ///     archive, or `nil`/empty at the end. Errors it throws are rethrown from ``next()``.
    ///   - maxEntrySize: The largest entry accepted, in bytes (default 64 MiB).
    public init(source: @escaping (Int) throws -> Data?, maxEntrySize: Int = 64 << 20) {
        decoder = GzipDecoder(source: source)
        self.maxEntrySize = maxEntrySize
        buffers = [.allocate(byteCount: chunkSize, alignment: 16),
                   .allocate(byteCount: chunkSize, alignment: 16)]
    }

    deinit {
        if let archive { archive_read_free(archive) }
        buffers.forEach { $0.deallocate() }
    }

    /// Returns the next file, or `nil` after the end of a fully verified archive.
    ///
    /// - Throws: An ``ArchiveError`` for bad names, entry types, sizes or corrupt, truncated or
    ///   padded input; the source's own error if it threw.
    public func next() throws -> TarEntry? {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        if finished { return nil }

        do {
            return try UTF8Locale.run { try readEntry(try openedArchive()) }
        } catch {
            failure = error
            throw error
        }
    }

    // MARK: - Entries

    private func readEntry(_ archive: OpaquePointer) throws -> TarEntry? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF {
            try verifyEnd(archive)
            finished = true
            return nil
        }
        // ARCHIVE_WARN is tolerated: the name is taken from its UTF-8 form and validated below.
        if status < ARCHIVE_WARN { try fail(status, "reading an entry header") }
        guard let entry else { try fail(ARCHIVE_FATAL, "reading an entry header") }

        let path = try entryName(entry)
        let type = archive_entry_filetype(entry)
        if archive_entry_hardlink(entry) != nil {
            throw ArchiveError.unsupportedEntryType(path: path, type: "hard link")
        }
        if type & Libarchive.typeMask != Libarchive.regularFile {
            throw ArchiveError.unsupportedEntryType(path: path, type: Libarchive.typeName(type))
        }
        if archive_entry_sparse_count(entry) > 0 {
            throw ArchiveError.unsupportedEntryType(path: path, type: "sparse file")
        }
        guard archive_entry_size_is_set(entry) != 0 else {
            throw ArchiveError.libarchive(operation: "reading \(path)", message: "no size")
        }
        try EntryPath.validate(path)
        let size = archive_entry_size(entry)
        guard size >= 0, size <= Int64(maxEntrySize) else {
            throw ArchiveError.entryTooLarge(path: path, size: size, limit: maxEntrySize)
        }

        let data = try readData(archive, count: Int(size), path: path)
        return TarEntry(path: path, size: Int(size), data: data)
    }

    /// The entry's name as UTF-8; not yet checked against ``EntryPath`` rules.
    private func entryName(_ entry: OpaquePointer) throws -> String {
        // The UTF-8 form exists when libarchive could convert the name; otherwise the raw
        // header bytes (a binary pax name, or ustar) are taken and must be UTF-8 themselves.
        guard let raw = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry) else {
            throw ArchiveError.invalidPath(path: "", reason: "the entry has no name")
        }
        guard let path = String(validatingCString: raw) else {
            throw ArchiveError.invalidPath(path: String(cString: raw),
                                           reason: "it is not valid UTF-8")
        }
        return path
    }

    private func readData(_ archive: OpaquePointer, count: Int, path: String) throws -> Data {
        var data = Data(count: count)
        let filled = try data.withUnsafeMutableBytes { buffer -> Int in
            var filled = 0
            while filled < count, let base = buffer.baseAddress {
                let read = archive_read_data(archive, base + filled, count - filled)
                if read < 0 { try fail(Int32(clamping: read), "reading \(path)") }
                if read == 0 { break }
                filled += read
            }
            return filled
        }
        guard filled == count else {
            throw ArchiveError.truncated(detail: "entry \(ArchiveError.quote(path)) is short")
        }
        return data
    }

    // MARK: - Stream

    private func openedArchive() throws -> OpaquePointer {
        if let archive { return archive }
        try decoder.open()

        guard let archive = archive_read_new() else {
            throw ArchiveError.libarchive(operation: "archive_read_new", message: "out of memory")
        }
        self.archive = archive
        if archive_read_support_format_tar(archive) != ARCHIVE_OK {
            try fail(ARCHIVE_FATAL, "enabling tar")
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let status = archive_read_open(archive, context, nil, tarReadCallback, nil)
        if status != ARCHIVE_OK { try fail(status, "opening the tar stream") }
        return archive
    }

    /// Called by libarchive for more decompressed tar data.
    fileprivate func supply(_ pointer: UnsafeMutablePointer<UnsafeRawPointer?>) -> Int {
        // Fill the older buffer; switch to it only if it got data, so an empty read at the
        // end does not discard a buffer the end check may still need.
        let next = 1 - current
        do {
            let count = try decoder.read(into: buffers[next])
            guard count > 0 else { return 0 }
            current = next
            bufferLengths[current] = count
            handedOut += Int64(count)
            pointer.pointee = UnsafeRawPointer(buffers[current].baseAddress)
            return count
        } catch {
            bufferLengths[next] = 0
            decoderError = decoderError ?? error
            return -1
        }
    }

    /// After the tar end marker: everything libarchive did not use must be zero padding, and
    /// the gzip stream must end cleanly with nothing after it.
    private func verifyEnd(_ archive: OpaquePointer) throws {
        var unused = Int(handedOut - archive_filter_bytes(archive, -1))
        for index in [current, 1 - current] where unused > 0 {
            let length = bufferLengths[index]
            let take = min(unused, length)
            let tail = UnsafeRawBufferPointer(rebasing: buffers[index][(length - take)..<length])
            if tail.contains(where: { $0 != 0 }) { throw nonZeroPadding() }
            unused -= take
        }
        if unused > 0 { throw nonZeroPadding() }

        let scratch = buffers[1 - current]
        while true {
            let count = try decoder.read(into: scratch)
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: scratch[0..<count])
            if chunk.contains(where: { $0 != 0 }) { throw nonZeroPadding() }
        }
        try decoder.finishVerifying()
    }

    private func nonZeroPadding() -> ArchiveError {
        .trailingData(detail: "non-zero bytes after the tar end-of-archive marker")
    }

    /// Throws the best error for a failed libarchive call: the decoder's or source's own
    /// error if there was one, otherwise libarchive's message.
    private func fail(_ status: Int32, _ operation: String) throws -> Never {
        if let decoderError { throw decoderError }
        let message = Libarchive.message(archive)
        if message.localizedCaseInsensitiveContains("truncated") {
            throw ArchiveError.truncated(detail: message)
        }
        throw ArchiveError.libarchive(operation: operation, message: message)
    }
}

/// libarchive read callback; `context` is the unretained ``TarGzReader``.
private func tarReadCallback(_ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?,
                             _ buffer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> Int {
    guard let context, let buffer else { return -1 }
    return Unmanaged<TarGzReader>.fromOpaque(context).takeUnretainedValue().supply(buffer)
}
