import BunkerEnvelope
import Foundation
import Testing

@Suite struct StreamingTests {
    @Test func writerSink_receivesTheHeaderThenPiecesOfAtMostOneChunk() throws {
        let header = Fixtures.header()
        var pieces: [Int] = []
        let writer = try EnvelopeWriter(header: header, dataKey: Fixtures.vectorKey) {
            pieces.append($0.count)
        }
        #expect(pieces == [header.encode().count])

        try writer.write(Fixtures.pattern(10 * header.chunkSize + 5))
        try writer.finish()
        #expect(pieces.dropFirst().allSatisfy { $0 <= header.chunkSize + 16 })
        #expect(pieces.count == 1 + 11)
        #expect(pieces.last == 5 + 16)
    }

    @Test func reader_withOneByteSourceAndSmallReads_returnsThePlaintext() throws {
        let plaintext = Fixtures.pattern(2 * Fixtures.vectorChunkSize + 10)
        let envelope = try Fixtures.seal(plaintext)
        var offset = 0
        var largestRequest = 0
        let reader = try EnvelopeReader { count in
            largestRequest = max(largestRequest, count)
            guard offset < envelope.count else { return nil }
            offset += 1
            return envelope.subdata(in: (offset - 1)..<offset)
        }
        try reader.unlock(dataKey: Fixtures.vectorKey)

        var out = Data()
        while let piece = try reader.read(max: 1000) {
            #expect(!piece.isEmpty && piece.count <= 1000)
            out.append(piece)
        }
        #expect(out == plaintext)
        #expect(try reader.read(max: 10) == nil)
        #expect(largestRequest <= Fixtures.vectorChunkSize + 17)
    }

    @Test func readHeader_stopsAtTheEndOfTheHeader() throws {
        let envelope = try Fixtures.seal(Fixtures.pattern(100))
        var offset = 0
        let header = try EnvelopeReader.readHeader { count in
            let end = min(envelope.count, offset + count)
            defer { offset = end }
            return offset < end ? envelope.subdata(in: offset..<end) : nil
        }
        #expect(header == Fixtures.header())
        #expect(offset == (try Fixtures.headerLength(envelope)))
    }

    @Test func reader_beforeUnlock_isLocked() throws {
        let reader = try EnvelopeReader(data: try Fixtures.seal(Data()))
        #expect(throws: EnvelopeError.locked) { try reader.read(max: 1) }
    }

    @Test func reader_emptyEnvelope_returnsNilAfterVerifying() throws {
        let reader = try EnvelopeReader(data: try Fixtures.seal(Data()))
        try reader.unlock(dataKey: Fixtures.vectorKey)
        #expect(try reader.read(max: 100) == nil)
    }

    @Test func sourceErrors_passThroughUnchanged() throws {
        struct Boom: Error, Equatable {}
        let envelope = try Fixtures.seal(Fixtures.pattern(100))
        let headerLength = try Fixtures.headerLength(envelope)
        var offset = 0
        let reader = try EnvelopeReader { count in
            guard offset < headerLength else { throw Boom() }
            let end = min(headerLength, offset + count)
            defer { offset = end }
            return envelope.subdata(in: offset..<end)
        }
        try reader.unlock(dataKey: Fixtures.vectorKey)
        #expect(throws: Boom()) { try reader.read(max: 10) }
    }
}
