import CArchive
import Foundation

/// Decompresses exactly one gzip member from a pull source with libarchive and verifies it.
///
/// libarchive reads concatenated gzip members as one stream, silently stops at bytes that do
/// not start a new member, and does not check the trailer CRC. This decoder therefore checks,
/// once the stream is drained (``finishVerifying()``), that libarchive consumed every byte the
/// source produced and that the CRC-32 and length in the final trailer match the output.
final class GzipDecoder {
    /// The first error thrown by the source, rethrown in place of libarchive's error.
    private(set) var sourceError: Error?

    private let source: (Int) throws -> Data?
    private let chunkSize: Int
    private let rawBuffer: UnsafeMutableRawBufferPointer
    private var archive: OpaquePointer?
    private var rawDelivered: Int64 = 0
    private var rawTail: [UInt8] = []
    private var sourceEnded = false
    private var crc = CRC32()
    private var decompressed: UInt64 = 0

    init(source: @escaping (Int) throws -> Data?, chunkSize: Int = 64 * 1024) {
        self.source = source
        self.chunkSize = chunkSize
        rawBuffer = .allocate(byteCount: chunkSize, alignment: 16)
    }

    deinit {
        if let archive { archive_read_free(archive) }
        rawBuffer.deallocate()
    }

    /// Opens the stream: reads the gzip header and rejects input that is not gzip.
    func open() throws {
        guard let archive = archive_read_new() else {
            throw ArchiveError.libarchive(operation: "archive_read_new", message: "out of memory")
        }
        self.archive = archive
        try check(archive_read_support_filter_gzip(archive), "enabling gzip")
        try check(archive_read_support_format_raw(archive), "enabling raw reading")

        let context = Unmanaged.passUnretained(self).toOpaque()
        let status = UTF8Locale.run {
            archive_read_open(archive, context, nil, gzipReadCallback, nil)
        }
        try check(status, "opening")
        guard archive_filter_code(archive, 0) == ARCHIVE_FILTER_GZIP else {
            throw ArchiveError.notGzip
        }

        var entry: OpaquePointer?
        try check(archive_read_next_header(archive, &entry), "reading the gzip header")
    }

    /// Fills `buffer` with decompressed bytes; returns fewer only at the end, 0 after the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let archive, let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = archive_read_data(archive, base + filled, buffer.count - filled)
            if count < 0 { try check(Int32(clamping: count), "decompressing") }
            if count <= 0 { break }
            filled += count
        }
        crc.update(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
        decompressed &+= UInt64(filled)
        return filled
    }

    /// Verifies the end of the stream after ``read(into:)`` returned 0.
    ///
    /// - Throws: ``ArchiveError/trailingData(detail:)`` if any byte follows the gzip member,
    ///   ``ArchiveError/gzipTrailerMismatch`` if the CRC or length is wrong.
    func finishVerifying() throws {
        guard let archive else { return }
        let consumed = archive_filter_bytes(archive, -1)
        var extra = rawDelivered - consumed
        while !sourceEnded {
            extra += Int64(try pull().count)
        }
        if extra != 0 {
            throw ArchiveError.trailingData(detail: "\(extra) bytes after the gzip stream")
        }

        guard rawTail.count == 8 else {
            throw ArchiveError.truncated(detail: "no complete gzip trailer")
        }
        let storedCRC = rawTail[0..<4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let storedSize = rawTail[4..<8].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard storedCRC == crc.value, storedSize == UInt32(truncatingIfNeeded: decompressed)
        else { throw ArchiveError.gzipTrailerMismatch }
    }

    // MARK: - Source

    /// Called by libarchive for more compressed input; returns -1 after a source error.
    fileprivate func supply(_ pointer: UnsafeMutablePointer<UnsafeRawPointer?>) -> Int {
        do {
            let data = try pull()
            data.copyBytes(to: rawBuffer)
            pointer.pointee = UnsafeRawPointer(rawBuffer.baseAddress)
            return data.count
        } catch {
            sourceError = sourceError ?? error
            return -1
        }
    }

    /// Asks the source for up to `chunkSize` bytes and records what it returned.
    private func pull() throws -> Data {
        guard !sourceEnded else { return Data() }
        guard let data = try source(chunkSize), !data.isEmpty else {
            sourceEnded = true
            return Data()
        }
        guard data.count <= chunkSize else {
            throw ArchiveError.libarchive(operation: "reading the source",
                                          message: "source returned more bytes than requested")
        }
        rawDelivered += Int64(data.count)
        rawTail = Array((rawTail + data.suffix(8)).suffix(8))
        return data
    }

    private func check(_ status: Int32, _ operation: String) throws {
        guard status < ARCHIVE_OK else { return }
        if let sourceError { throw sourceError }
        // libarchive sets no message when the input ends inside the 8-byte gzip trailer.
        let hasMessage = archive.flatMap { archive_error_string($0) } != nil
        let message = Libarchive.message(archive)
        if message.localizedCaseInsensitiveContains("truncated") || (sourceEnded && !hasMessage) {
            throw ArchiveError.truncated(detail: message)
        }
        throw ArchiveError.libarchive(operation: "\(operation) the gzip stream", message: message)
    }
}

/// libarchive read callback; `context` is the unretained ``GzipDecoder``.
private func gzipReadCallback(_ archive: OpaquePointer?, _ context: UnsafeMutableRawPointer?,
                              _ buffer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> Int {
    guard let context, let buffer else { return -1 }
    return Unmanaged<GzipDecoder>.fromOpaque(context).takeUnretainedValue().supply(buffer)
}
