import BunkerCrypto
import BunkerEnvelope
import Foundation
import Testing

@Suite struct RoundTripTests {
    static let chunk = Fixtures.vectorChunkSize

    @Test(arguments: [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk])
    func roundTrip_ofBoundarySizes_returnsThePlaintext(size: Int) throws {
        let plaintext = Fixtures.pattern(size)
        let envelope = try Fixtures.seal(plaintext)
        let opened = try Envelope.open(envelope, dataKey: Fixtures.vectorKey)
        #expect(opened.plaintext == plaintext)
        #expect(opened.header == Fixtures.header())

        let chunks = size / Self.chunk + 1
        let expected = try Fixtures.headerLength(envelope) + size + chunks * 16
        #expect(envelope.count == expected)
    }

    @Test func roundTrip_ofOneMiBRandom_withDefaultChunkSize() throws {
        let key = SecureRandom.bytes(32)
        let plaintext = Data(SecureRandom.bytes(1 << 20))
        let header = EnvelopeWriter.makeHeader(
            snapshotId: "snap-random", createdAt: Date(), dataKey: key,
            keys: [Fixtures.slot(snapshotId: "snap-random")])
        #expect(header.chunkSize == 65536)

        let envelope = try Envelope.seal(plaintext, header: header, dataKey: key)
        let opened = try Envelope.open(envelope, dataKey: key, expectedSnapshotId: "snap-random")
        #expect(opened.plaintext == plaintext)
    }

    @Test func writer_fedInOddPieces_matchesOneShotOutput() throws {
        let plaintext = Fixtures.pattern(3 * Self.chunk + 77)
        var streamed = Data()
        let writer = try EnvelopeWriter(
            header: Fixtures.header(), dataKey: Fixtures.vectorKey) { streamed.append($0) }
        var offset = 0
        for size in [0, 1, 4095, 5000, 333, 9000] where offset < plaintext.count {
            let end = min(plaintext.count, offset + size)
            try writer.write(plaintext.subdata(in: offset..<end))
            offset = end
        }
        try writer.write(plaintext.subdata(in: offset..<plaintext.count))
        try writer.finish()
        #expect(streamed == (try Fixtures.seal(plaintext)))
    }

    @Test func writer_afterFinish_isClosed() throws {
        let writer = try EnvelopeWriter(
            header: Fixtures.header(), dataKey: Fixtures.vectorKey) { _ in }
        try writer.finish()
        #expect(throws: EnvelopeError.writerClosed) { try writer.write(Data([1])) }
        #expect(throws: EnvelopeError.writerClosed) { try writer.finish() }
    }
}
