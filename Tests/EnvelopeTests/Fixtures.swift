import BunkerCrypto
import BunkerEnvelope
import Foundation

/// Shared inputs: the FORMAT.md test-vector key and header, and helpers to seal and open.
enum Fixtures {
    /// Data key 00 01 02 … 1f, as in docs/FORMAT.md section 10.
    static let vectorKey: [UInt8] = Array(0..<32)
    static let vectorSnapshotId = "test-vector-0001"
    /// 2026-01-02T03:04:05Z.
    static let vectorDate = Date(timeIntervalSince1970: 1_767_323_045)
    static let vectorChunkSize = 4096

    static func slot(snapshotId: String) -> WrappedKeySlot {
        WrappedKeySlot(
            type: WrappedKeySlot.awsKMS, region: "us-east-1",
            keyId: "arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000",
            encryptionContext: EnvelopeHeader.encryptionContext(snapshotId: snapshotId),
            ciphertext: Data("not-a-real-kms-blob".utf8))
    }

    static func header(
        key: [UInt8] = vectorKey, snapshotId: String = vectorSnapshotId,
        chunkSize: Int = vectorChunkSize
    ) -> EnvelopeHeader {
        EnvelopeWriter.makeHeader(
            snapshotId: snapshotId, createdAt: vectorDate, dataKey: key,
            keys: [slot(snapshotId: snapshotId)], chunkSize: chunkSize)
    }

    /// Byte i is i mod 251: the KAT plaintext of FORMAT.md.
    static func pattern(_ count: Int) -> Data {
        Data((0..<count).map { UInt8($0 % 251) })
    }

    static func seal(
        _ plaintext: Data, key: [UInt8] = vectorKey, snapshotId: String = vectorSnapshotId,
        chunkSize: Int = vectorChunkSize
    ) throws -> Data {
        try Envelope.seal(
            plaintext, header: header(key: key, snapshotId: snapshotId, chunkSize: chunkSize),
            dataKey: key)
    }

    /// Length of the encoded header at the start of `envelope`.
    static func headerLength(_ envelope: Data) throws -> Int {
        try EnvelopeHeader.decode(from: envelope).length
    }

    /// Opens `envelope` and returns the error it throws, or nil when it opens cleanly.
    static func openError(_ envelope: Data, key: [UInt8] = vectorKey) -> EnvelopeError? {
        do {
            _ = try Envelope.open(envelope, dataKey: key)
            return nil
        } catch let error as EnvelopeError {
            return error
        } catch {
            return .crypto("unexpected error type: \(type(of: error))")
        }
    }
}
