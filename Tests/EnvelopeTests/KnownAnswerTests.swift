import BunkerCrypto
import BunkerEnvelope
import Foundation
import Testing

/// The vectors of docs/FORMAT.md section 10, and Tests/interop/vector.bin.
///
/// Set BUNKER_WRITE_VECTORS=1 to rewrite vector.bin and print every value for the doc.
@Suite struct KnownAnswerTests {
    static let interop = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("interop")
    static let printing = ProcessInfo.processInfo.environment["BUNKER_WRITE_VECTORS"] == "1"

    private func show(_ name: String, _ value: String) {
        if Self.printing { print("VECTOR \(name) = \(value)") }
    }

    /// Recomputes chunk 0 straight from the FORMAT.md rules, independent of ChunkCipher.
    @Test func derivations_matchTheSpecText() throws {
        let key = Fixtures.vectorKey
        let id = Array(Fixtures.vectorSnapshotId.utf8)
        let commitment = HMACSHA256.authenticate(
            key: key, message: Array("bunker/v1/key-commitment".utf8) + [0] + id)
        let chunkKey = HMACSHA256.authenticate(
            key: key, message: Array("bunker/v1/chunk-key".utf8) + [0] + id)
        let header = Fixtures.header()
        #expect([UInt8](header.keyCommitment) == commitment)

        let bound = "1|test-vector-0001|2026-01-02T03:04:05Z|AES-256-GCM|4096|"
            + Data(commitment).base64EncodedString()
        let digest = SHA256.hash(bound)
        let plaintext = Fixtures.pattern(10000)
        let sealed = try AESGCM.seal(
            key: chunkKey, nonce: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            plaintext: [UInt8](plaintext.prefix(4096)), aad: digest + [0, 0, 0, 0, 0, 0, 0, 0, 0])
        let envelope = try Fixtures.seal(plaintext)
        let start = try Fixtures.headerLength(envelope)
        #expect([UInt8](envelope[start..<(start + 4112)]) == sealed.ciphertext + sealed.tag)

        show("commitment", Hex.encode(commitment))
        show("commitment.base64", Data(commitment).base64EncodedString())
        show("chunkKey", Hex.encode(chunkKey))
        show("bound", bound)
        show("headerDigest", Hex.encode(digest))
        show("chunk0.tag", Hex.encode(sealed.tag))
    }

    @Test func emptyPlaintext_givesTheDocumentedEnvelope() throws {
        let envelope = try Fixtures.seal(Data())
        let json = String(decoding: Fixtures.header().canonicalJSON(), as: UTF8.self)
        show("header.json", json)
        show("empty.envelope", Hex.encode(envelope))
        show("empty.tag", Hex.encode(envelope.suffix(16)))
        #expect(Hex.encode(envelope.suffix(16)) == "6aace7c6dd655f7632c5be2318f47c0c")
        #expect(SHA256.hexDigest(envelope) ==
            "84c0d69476b2d892b1f8a813582b664b246c88bd15aec3e3a84d5968a11026cb")
    }

    @Test func patternPlaintext_givesTheDocumentedDigest() throws {
        let envelope = try Fixtures.seal(Fixtures.pattern(10000))
        show("kat1.length", String(envelope.count))
        show("kat1.sha256", SHA256.hexDigest(envelope))
        show("kat1.finalTag", Hex.encode(envelope.suffix(16)))
        #expect(envelope.count == 10000 + 3 * 16 + (try Fixtures.headerLength(envelope)))
        #expect(SHA256.hexDigest(envelope) ==
            "2f137b3e0bf8a4c597302ac5b9bf8ba641ed2031dcf08a07ea92610b7b01e539")
    }

    /// vector.bin is the envelope of sample-snapshot.tar.gz; the Python self-test reads it.
    @Test func interopVector_isReproducedAndOpens() throws {
        let sample = try Data(
            contentsOf: Self.interop.appendingPathComponent("sample-snapshot.tar.gz"))
        let envelope = try Fixtures.seal(sample)
        let file = Self.interop.appendingPathComponent("vector.bin")
        if Self.printing { try envelope.write(to: file) }

        show("vector.sha256", SHA256.hexDigest(envelope))
        #expect(try Data(contentsOf: file) == envelope)
        #expect(try Envelope.open(envelope, dataKey: Fixtures.vectorKey).plaintext == sample)
    }
}
