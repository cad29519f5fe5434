import Foundation

/// Decrypts an envelope pulled from a byte source (docs/FORMAT.md section 5).
///
/// Create it (the header is parsed and validated), look at ``header`` to pick and unwrap a key
/// slot, call ``unlock(dataKey:expectedSnapshotId:)``, then call ``read(max:)`` until it
/// returns nil. Memory is bounded by about two chunks. Thread-safe: calls are serialised.
///
/// - Important: plaintext is released chunk by chunk, each only after its tag verified, but
///   the stream as a whole may still prove truncated or altered later. Treat everything read
///   as untrusted until ``read(max:)`` has returned nil; act on nothing before that.
public final class EnvelopeReader {
    private let lock = NSLock()
    private let source: (Int) throws -> Data?
    private var cipher: ChunkCipher?
    private var pending: [UInt8] = []
    private var atEnd = false
    private var ready: [UInt8] = []
    private var readyOffset = 0
    private var index = 0
    private var finished = false
    private var failure: Error?

    /// The validated header.
    public let header: EnvelopeHeader

    /// Parses and validates the header; reads nothing past it.
    ///
    /// - Parameter source: returns up to n further bytes of the object, nil (or empty) at its
    ///   end; it is not called again after that. Its errors are rethrown unchanged.
    /// - Throws: ``EnvelopeError/badMagic``, ``EnvelopeError/unsupportedVersion(_:)``,
    ///   ``EnvelopeError/malformedHeader(_:)``, or the source's error.
    public init(source: @escaping (Int) throws -> Data?) throws {
        header = try EnvelopeHeader.read(from: source)
        self.source = source
    }

    /// Reads an envelope held in memory.
    public convenience init(data: Data) throws {
        var offset = data.startIndex
        try self.init { count in
            guard offset < data.endIndex else { return nil }
            let end = min(data.endIndex, offset + count)
            defer { offset = end }
            return data[offset..<end]
        }
    }

    /// Reads and validates only the header, e.g. to choose a key slot before a full read.
    public static func readHeader(from source: (Int) throws -> Data?) throws -> EnvelopeHeader {
        try EnvelopeHeader.read(from: source)
    }

    /// Checks `dataKey` against the key commitment before any chunk is touched.
    ///
    /// - Parameters:
    ///   - dataKey: the 32-byte key unwrapped from one of ``header``'s slots.
    ///   - expectedSnapshotId: when given, the header must name this snapshot.
    /// - Throws: ``EnvelopeError/snapshotMismatch(expected:found:)``,
    ///   ``EnvelopeError/invalidDataKey(length:)`` or ``EnvelopeError/wrongKey``.
    public func unlock(dataKey: [UInt8], expectedSnapshotId: String? = nil) throws {
        lock.lock()
        defer { lock.unlock() }
        if let expected = expectedSnapshotId, expected != header.snapshotId {
            throw EnvelopeError.snapshotMismatch(expected: expected, found: header.snapshotId)
        }
        cipher = try ChunkCipher(header: header, dataKey: dataKey)
    }

    /// Returns up to `max` (at least 1) further bytes of authenticated plaintext.
    ///
    /// - Returns: nil only once the final chunk verified and the object ended; never empty data.
    /// - Throws: ``EnvelopeError/locked``, ``EnvelopeError/chunkAuthenticationFailed(index:)``,
    ///   ``EnvelopeError/truncated(afterChunk:)`` or the source's error; once thrown, every
    ///   later call throws the same error.
    public func read(max: Int) throws -> Data? {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
        guard let cipher else { throw EnvelopeError.locked }

        while readyOffset == ready.count {
            if finished { return nil }
            do {
                ready = try nextChunk(cipher)
                readyOffset = 0
            } catch {
                failure = error
                throw error
            }
        }
        let end = min(ready.count, readyOffset + Swift.max(1, max))
        defer { readyOffset = end }
        return Data(ready[readyOffset..<end])
    }

    /// Reads the whole remaining plaintext into memory (for small envelopes and tests).
    public func readAll() throws -> Data {
        var out = Data()
        while let piece = try read(max: header.chunkSize) { out.append(piece) }
        return out
    }

    /// Reads, classifies and opens chunk `index` (FORMAT.md section 5, step 6).
    private func nextChunk(_ cipher: ChunkCipher) throws -> [UInt8] {
        let full = header.chunkSize + ChunkCipher.tagLength
        try fill(to: full + 1)

        if pending.count > full {
            let chunk = Array(pending[..<full])
            pending.removeFirst(full)
            return try open(chunk, final: false, cipher)
        }
        let last = pending
        pending = []
        if last.count == full {
            _ = try cipher.open(last, index: index, final: false)
            throw EnvelopeError.truncated(afterChunk: index)
        }
        guard last.count >= ChunkCipher.tagLength else {
            throw EnvelopeError.truncated(afterChunk: index - 1)
        }
        finished = true
        return try open(last, final: true, cipher)
    }

    private func open(_ chunk: [UInt8], final: Bool, _ cipher: ChunkCipher) throws -> [UInt8] {
        let plaintext = try cipher.open(chunk, index: index, final: final)
        index += 1
        return plaintext
    }

    /// Buffers bytes from the source until `count` are pending or the object ended.
    private func fill(to count: Int) throws {
        while pending.count < count, !atEnd {
            guard let piece = try source(count - pending.count), !piece.isEmpty else {
                atEnd = true
                break
            }
            pending.append(contentsOf: piece)
        }
    }
}
