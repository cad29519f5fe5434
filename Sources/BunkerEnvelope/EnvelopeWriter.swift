import BunkerCrypto
import Foundation

/// Encrypts one snapshot into an envelope, streaming (docs/FORMAT.md section 6).
///
/// The encoded header goes to `sink` as soon as the writer is created, then each chunk
/// (`chunkSize + 16` bytes, the final one shorter) as soon as it is complete. Memory is
/// bounded by one chunk plus the caller's own `write` argument. The object is only a valid
/// envelope after ``finish()`` returned. Thread-safe: calls are serialised by a lock.
///
/// - Important: each data key must be used for exactly one envelope.
public final class EnvelopeWriter {
    private let lock = NSLock()
    private let cipher: ChunkCipher
    private let chunkSize: Int
    private let sink: (Data) throws -> Void
    private var buffer: [UInt8] = []
    private var index = 0
    private var closed = false

    /// Validates `header`, checks `dataKey` against its key commitment and writes the header.
    ///
    /// - Parameters:
    ///   - header: a header from ``makeHeader(snapshotId:createdAt:dataKey:keys:chunkSize:)``.
    ///   - dataKey: the 32-byte plaintext data key.
    ///   - sink: receives the envelope bytes in order; its errors are rethrown unchanged and
    ///     close the writer.
    /// - Throws: ``EnvelopeError/malformedHeader(_:)``, ``EnvelopeError/invalidDataKey(length:)``,
    ///   ``EnvelopeError/wrongKey`` when the commitment was made with another key, or the
    ///   sink's error.
    public init(
        header: EnvelopeHeader, dataKey: [UInt8], sink: @escaping (Data) throws -> Void
    ) throws {
        try header.validate()
        let encoded = header.encode()
        guard encoded.count - EnvelopeHeader.prefixLength <= EnvelopeHeader.maximumHeaderLength
        else { throw EnvelopeError.malformedHeader("header JSON is larger than 1 MiB") }

        cipher = try ChunkCipher(header: header, dataKey: dataKey)
        chunkSize = header.chunkSize
        self.sink = sink
        buffer.reserveCapacity(chunkSize)
        try sink(encoded)
    }

    /// Builds a header for a new snapshot, computing the key commitment from `dataKey`.
    ///
    /// - Parameters:
    ///   - snapshotId: 1–128 characters from `A–Z a–z 0–9 . _ : -`.
    ///   - createdAt: stored in UTC with whole seconds.
    ///   - keys: wrapped copies of `dataKey`; `aws-kms` slots must use
    ///     ``EnvelopeHeader/encryptionContext(snapshotId:)``.
    ///   - chunkSize: plaintext bytes per chunk, 4 KiB to 16 MiB.
    /// The result is checked when it is passed to ``init(header:dataKey:sink:)``.
    public static func makeHeader(
        snapshotId: String, createdAt: Date, dataKey: [UInt8], keys: [WrappedKeySlot],
        chunkSize: Int = EnvelopeHeader.defaultChunkSize
    ) -> EnvelopeHeader {
        let commitment = ChunkCipher.keyCommitment(dataKey: dataKey, snapshotId: snapshotId)
        return EnvelopeHeader(
            snapshotId: snapshotId, createdAt: EnvelopeHeader.timestamp(createdAt),
            chunkSize: chunkSize, keyCommitment: Data(commitment), keys: keys)
    }

    /// Encrypts `plaintext`, emitting every chunk that becomes full.
    ///
    /// - Throws: ``EnvelopeError/writerClosed`` after ``finish()`` or a failure, or the sink's
    ///   error (which closes the writer).
    public func write(_ plaintext: Data) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw EnvelopeError.writerClosed }

        var offset = plaintext.startIndex
        while offset < plaintext.endIndex {
            let take = min(chunkSize - buffer.count, plaintext.endIndex - offset)
            buffer.append(contentsOf: plaintext[offset..<(offset + take)])
            offset += take
            if buffer.count == chunkSize {
                try emit(final: false)
            }
        }
    }

    /// Emits the final chunk (0 to chunkSize − 1 bytes) and closes the writer.
    ///
    /// - Throws: ``EnvelopeError/writerClosed`` if already finished, or the sink's error.
    public func finish() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { throw EnvelopeError.writerClosed }
        try emit(final: true)
        closed = true
    }

    /// Seals the buffered piece as chunk `index` and hands it to the sink.
    private func emit(final: Bool) throws {
        do {
            let chunk = try cipher.seal(buffer, index: index, final: final)
            buffer.removeAll(keepingCapacity: true)
            index += 1
            try sink(chunk)
        } catch {
            closed = true
            throw error
        }
    }
}
