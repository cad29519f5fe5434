import Foundation

/// The JSON header of an envelope (docs/FORMAT.md, section 2.1).
///
/// Build one with ``EnvelopeWriter/makeHeader(snapshotId:createdAt:dataKey:keys:chunkSize:)``;
/// ``validate()`` checks every field rule. The header holds ids, a date and key ARNs only,
/// never secret names or values.
public struct EnvelopeHeader: Codable, Equatable, Sendable {
    /// Format version; always ``EnvelopeHeader/currentFormat`` for headers this build writes.
    public var format: Int
    /// Snapshot id: 1–128 characters from `A–Z a–z 0–9 . _ : -`.
    public var snapshotId: String
    /// Creation time, UTC, exactly `YYYY-MM-DDTHH:MM:SSZ`.
    public var createdAt: String
    /// Always `AES-256-GCM` in format version 1.
    public var cipher: String
    /// Plaintext bytes per full chunk, 4 KiB to 16 MiB.
    public var chunkSize: Int
    /// HMAC-SHA256 of the snapshot id under the data key (32 bytes).
    public var keyCommitment: Data
    /// Wrapped copies of the data key. Not authenticated: see ``WrappedKeySlot``.
    public var keys: [WrappedKeySlot]

    /// The format version this build reads and writes.
    public static let currentFormat = 1
    /// The only cipher of format version 1.
    public static let cipherName = "AES-256-GCM"
    /// Default plaintext bytes per chunk.
    public static let defaultChunkSize = 65536
    /// Smallest allowed chunk size.
    public static let minimumChunkSize = 4096
    /// Largest allowed chunk size.
    public static let maximumChunkSize = 16 * 1024 * 1024
    /// Largest allowed header JSON, in bytes.
    public static let maximumHeaderLength = 1024 * 1024
    /// Longest allowed snapshot id, in characters.
    public static let maximumSnapshotIdLength = 128

    public init(
        format: Int = EnvelopeHeader.currentFormat, snapshotId: String, createdAt: String,
        cipher: String = EnvelopeHeader.cipherName, chunkSize: Int, keyCommitment: Data,
        keys: [WrappedKeySlot]
    ) {
        self.format = format
        self.snapshotId = snapshotId
        self.createdAt = createdAt
        self.cipher = cipher
        self.chunkSize = chunkSize
        self.keyCommitment = keyCommitment
        self.keys = keys
    }

    /// The KMS encryption context that wraps and unwraps the data key of `snapshotId`.
    ///
    /// Pass it to both GenerateDataKey and Decrypt; KMS refuses to unwrap a key under any
    /// other context, so a slot copied from another snapshot cannot be unwrapped.
    public static func encryptionContext(snapshotId: String) -> [String: String] {
        ["bunker:snapshot": snapshotId, "bunker:purpose": "snapshot-data-key"]
    }
}
