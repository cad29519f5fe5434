import BunkerEnvelope
import Foundation
import Testing

@Suite struct HeaderTests {
    @Test func encode_thenDecode_roundTrips() throws {
        let header = Fixtures.header()
        let encoded = header.encode()
        #expect(Array(encoded.prefix(10)) == Array("BUNKRENV".utf8) + [0, 1])
        let decoded = try EnvelopeHeader.decode(from: encoded + Data([9, 9]))
        #expect(decoded.header == header)
        #expect(decoded.length == encoded.count)
    }

    @Test func canonicalJSON_isCompactSortedAndHasNoEscapedSlashes() throws {
        let json = String(decoding: Fixtures.header().canonicalJSON(), as: UTF8.self)
        #expect(json.hasPrefix(#"{"chunkSize":4096,"cipher":"AES-256-GCM","createdAt":"#))
        #expect(json.contains(#"key/00000000-0000"#))
        #expect(!json.contains(" "))
    }

    @Test func makeHeader_formatsTheDateInUTCWholeSeconds() {
        let date = Date(timeIntervalSince1970: 951_782_400.75)  // 2000-02-29T00:00:00.75Z
        let header = EnvelopeWriter.makeHeader(
            snapshotId: "s", createdAt: date, dataKey: Fixtures.vectorKey, keys: [])
        #expect(header.createdAt == "2000-02-29T00:00:00Z")
        #expect(Fixtures.header().createdAt == "2026-01-02T03:04:05Z")
    }

    @Test func encryptionContext_namesSnapshotAndPurpose() {
        #expect(EnvelopeHeader.encryptionContext(snapshotId: "abc") ==
            ["bunker:snapshot": "abc", "bunker:purpose": "snapshot-data-key"])
    }

    static let invalidHeaders: [(String, (inout EnvelopeHeader) -> Void)] = [
        ("empty id", { $0.snapshotId = "" }),
        ("id with a bar", { $0.snapshotId = "a|b" }),
        ("id too long", { $0.snapshotId = String(repeating: "a", count: 129) }),
        ("local time", { $0.createdAt = "2026-01-02T03:04:05+01:00" }),
        ("month 13", { $0.createdAt = "2026-13-02T03:04:05Z" }),
        ("other cipher", { $0.cipher = "AES-128-GCM" }),
        ("chunk too small", { $0.chunkSize = 4095 }),
        ("chunk too large", { $0.chunkSize = 16 * 1024 * 1024 + 1 }),
        ("short commitment", { $0.keyCommitment = Data(count: 31) }),
        ("slot for another snapshot", { $0.keys = [Fixtures.slot(snapshotId: "other")] }),
        ("slot without type", { $0.keys[0].type = "" }),
        ("kms slot without key", { $0.keys[0].keyId = "" }),
    ]

    @Test(arguments: invalidHeaders.indices)
    func validate_rejectsBrokenRules(case index: Int) {
        var header = Fixtures.header()
        Self.invalidHeaders[index].1(&header)
        do {
            try header.validate()
            Issue.record("accepted: \(Self.invalidHeaders[index].0)")
        } catch let EnvelopeError.malformedHeader(reason) {
            #expect(!reason.isEmpty)
        } catch {
            Issue.record("wrong error for \(Self.invalidHeaders[index].0): \(error)")
        }
    }

    @Test func validate_acceptsUnknownSlotTypesAndNoSlots() throws {
        var header = Fixtures.header()
        header.keys.append(WrappedKeySlot(
            type: "offline-escrow", region: "", keyId: "escrow-1", encryptionContext: [:],
            ciphertext: Data([1])))
        try header.validate()
        header.keys = []
        try header.validate()
    }

    @Test func writer_rejectsAKeyThatDoesNotMatchTheCommitment() {
        #expect(throws: EnvelopeError.wrongKey) {
            try EnvelopeWriter(
                header: Fixtures.header(), dataKey: Array(repeating: 7, count: 32)) { _ in }
        }
    }

    @Test func decoder_ignoresUnknownMembersAndRejectsBadPrefixes() throws {
        var json = String(decoding: Fixtures.header().canonicalJSON(), as: UTF8.self)
        json = "{\"future\":true," + json.dropFirst()
        let bytes = Array(json.utf8)
        let length = UInt32(bytes.count)
        let prefix: [UInt8] = Array("BUNKRENV".utf8) + [0, 1]
            + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) }
        #expect(try EnvelopeHeader.decode(from: Data(prefix + bytes)).header == Fixtures.header())

        #expect(throws: EnvelopeError.badMagic) {
            try EnvelopeHeader.decode(from: Data("BUNK".utf8))
        }
        #expect(throws: EnvelopeError.unsupportedVersion(2)) {
            try EnvelopeHeader.decode(from: Data(Array("BUNKRENV".utf8) + [0, 2, 0, 0, 0, 1]))
        }
        let tooShort = EnvelopeError.malformedHeader("header length 0 is outside 1...1048576")
        #expect(throws: tooShort) {
            try EnvelopeHeader.decode(from: Data(Array("BUNKRENV".utf8) + [0, 1, 0, 0, 0, 0]))
        }
        let tooLong = EnvelopeError.malformedHeader("header length 1048577 is outside 1...1048576")
        #expect(throws: tooLong) {
            try EnvelopeHeader.decode(from: Data(Array("BUNKRENV".utf8) + [0, 1, 0, 0x10, 0, 1]))
        }
        let missing = Data(Array("BUNKRENV".utf8) + [0, 1, 0, 0, 0, 2] + Array("{}".utf8))
        #expect(throws: EnvelopeError.malformedHeader("header JSON lacks the member format")) {
            try EnvelopeHeader.decode(from: missing)
        }
    }

    @Test func errorDescriptions_sayWhatToDo() {
        let errors: [EnvelopeError] = [
            .badMagic, .unsupportedVersion(2), .malformedHeader("x"), .invalidDataKey(length: 1),
            .wrongKey, .snapshotMismatch(expected: "a", found: "b"),
            .chunkAuthenticationFailed(index: 3), .truncated(afterChunk: -1), .locked,
            .writerClosed, .crypto("seal"),
        ]
        for error in errors { #expect(error.description.count > 20) }
    }
}
