import BunkerCrypto
import Foundation

/// The per-envelope keys, AAD and nonces of docs/FORMAT.md section 3.
struct ChunkCipher {
    static let tagLength = AESGCM.tagLength

    private let chunkKey: [UInt8]
    private let headerDigest: [UInt8]

    /// Derives the chunk key and header digest. Checks the key length and the key
    /// commitment first, throwing ``EnvelopeError/invalidDataKey(length:)`` or
    /// ``EnvelopeError/wrongKey``.
    init(header: EnvelopeHeader, dataKey: [UInt8]) throws {
        guard dataKey.count == AESGCM.keyLength else {
            throw EnvelopeError.invalidDataKey(length: dataKey.count)
        }
        let commitment = Self.keyCommitment(dataKey: dataKey, snapshotId: header.snapshotId)
        guard constantTimeEquals(commitment, [UInt8](header.keyCommitment)) else {
            throw EnvelopeError.wrongKey
        }
        chunkKey = Self.derive(dataKey: dataKey, label: "bunker/v1/chunk-key",
                               snapshotId: header.snapshotId)
        headerDigest = SHA256.hash(Self.boundHeader(header))
    }

    /// `HMAC-SHA256(K, "bunker/v1/key-commitment" || 0x00 || snapshotId)`.
    static func keyCommitment(dataKey: [UInt8], snapshotId: String) -> [UInt8] {
        derive(dataKey: dataKey, label: "bunker/v1/key-commitment", snapshotId: snapshotId)
    }

    private static func derive(dataKey: [UInt8], label: String, snapshotId: String) -> [UInt8] {
        let message = Array(label.utf8) + [0] + Array(snapshotId.utf8)
        return HMACSHA256.authenticate(key: dataKey, message: message)
    }

    /// `format|snapshotId|createdAt|cipher|chunkSize|keyCommitment` as UTF-8.
    static func boundHeader(_ header: EnvelopeHeader) -> String {
        [String(header.format), header.snapshotId, header.createdAt, header.cipher,
         String(header.chunkSize), header.keyCommitment.base64EncodedString()]
            .joined(separator: "|")
    }

    func seal(_ plaintext: [UInt8], index: Int, final: Bool) throws -> Data {
        do {
            let sealed = try AESGCM.seal(
                key: chunkKey, nonce: Self.nonce(index), plaintext: plaintext,
                aad: aad(index: index, final: final))
            return Data(sealed.ciphertext + sealed.tag)
        } catch {
            throw EnvelopeError.crypto("sealing chunk \(index)")
        }
    }

    /// Opens one stored chunk (ciphertext || tag); nothing is returned unless the tag verifies.
    func open(_ chunk: [UInt8], index: Int, final: Bool) throws -> [UInt8] {
        guard chunk.count >= Self.tagLength else {
            throw EnvelopeError.chunkAuthenticationFailed(index: index)
        }
        let split = chunk.count - Self.tagLength
        do {
            return try AESGCM.open(
                key: chunkKey, nonce: Self.nonce(index), ciphertext: Array(chunk[..<split]),
                tag: Array(chunk[split...]), aad: aad(index: index, final: final))
        } catch {
            throw EnvelopeError.chunkAuthenticationFailed(index: index)
        }
    }

    private func aad(index: Int, final: Bool) -> [UInt8] {
        headerDigest + Self.bigEndian(UInt64(index)) + [final ? 1 : 0]
    }

    private static func nonce(_ index: Int) -> [UInt8] {
        [0, 0, 0, 0] + bigEndian(UInt64(index))
    }

    private static func bigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> (UInt64($0) * 8)) }
    }
}
