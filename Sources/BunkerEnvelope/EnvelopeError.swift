/// Why an envelope could not be written, parsed or decrypted.
///
/// Errors thrown by the caller's own `sink` or `source` closures are passed through unchanged.
public enum EnvelopeError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The object does not start with `BUNKRENV`: it is not a Bunker envelope.
    case badMagic
    /// The envelope declares a format version this build cannot read.
    case unsupportedVersion(Int)
    /// The header length, its JSON, or one of its fields breaks the format rules.
    case malformedHeader(String)
    /// The data key is not 32 bytes long.
    case invalidDataKey(length: Int)
    /// The data key does not match the header's key commitment: the header belongs to another
    /// snapshot, its snapshot id was edited, or the wrapped key came from somewhere else.
    case wrongKey
    /// The header names another snapshot than the one the caller asked for.
    case snapshotMismatch(expected: String, found: String)
    /// Chunk `index` failed authentication: it was altered, moved, cut short or extended.
    case chunkAuthenticationFailed(index: Int)
    /// The object ended after chunk `afterChunk` (-1: right after the header) before the
    /// final chunk.
    case truncated(afterChunk: Int)
    /// Chunks were requested before ``EnvelopeReader/unlock(dataKey:expectedSnapshotId:)``.
    case locked
    /// The writer was used after ``EnvelopeWriter/finish()`` or after a failed write.
    case writerClosed
    /// libcrypto failed while sealing (not an authentication failure).
    case crypto(String)

    public var description: String {
        switch self {
        case .badMagic:
            return "not a Bunker envelope: the object does not start with BUNKRENV; "
                + "check the bucket and key point at a snapshot"
        case let .unsupportedVersion(version):
            return "envelope format version \(version) is not supported by this build "
                + "(it reads version 1); use a newer Bunker to restore it"
        case let .malformedHeader(reason):
            return "envelope header is malformed: \(reason); the object is damaged or "
                + "was not written by Bunker"
        case let .invalidDataKey(length):
            return "data key must be 32 bytes, got \(length); the unwrapped key is not "
                + "a Bunker data key"
        case .wrongKey:
            return "data key does not match the envelope's key commitment: the header "
                + "belongs to another snapshot or the key slot was swapped"
        case let .snapshotMismatch(expected, found):
            return "envelope holds snapshot \(found), expected \(expected); the object "
                + "was replaced or the wrong key was requested"
        case let .chunkAuthenticationFailed(index):
            return "chunk \(index) failed authentication: the envelope was altered, "
                + "reordered, cut or extended; do not use any of its data"
        case let .truncated(afterChunk):
            let place = afterChunk < 0 ? "right after the header" : "after chunk \(afterChunk)"
            return "envelope is truncated \(place): the final chunk is missing; "
                + "do not use any of its data"
        case .locked:
            return "envelope is locked: call unlock(dataKey:) before reading"
        case .writerClosed:
            return "envelope writer is closed: it already finished or a write failed"
        case let .crypto(step):
            return "encryption failed in libcrypto (\(step))"
        }
    }
}
