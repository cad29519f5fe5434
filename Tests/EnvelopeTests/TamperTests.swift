import BunkerCrypto
import BunkerEnvelope
import Foundation
import Testing

/// Every alteration of docs/FORMAT.md section 5.1 is detected before plaintext is trusted.
@Suite struct TamperTests {
    static let size = Fixtures.vectorChunkSize
    static let stored = size + 16

    /// A 3½-chunk envelope and where its chunks start.
    private func sample() throws -> (envelope: Data, chunksStart: Int) {
        let envelope = try Fixtures.seal(Fixtures.pattern(3 * Self.size + Self.size / 2))
        return (envelope, try Fixtures.headerLength(envelope))
    }

    private func flipping(_ data: Data, at offset: Int) -> Data {
        var copy = data
        copy[offset] ^= 0x01
        return copy
    }

    @Test func flippedByteInEachChunkAndTag_failsThatChunk() throws {
        let (envelope, start) = try sample()
        for chunk in 0..<4 {
            let chunkStart = start + chunk * Self.stored
            let chunkEnd = min(envelope.count, chunkStart + Self.stored)
            for offset in [chunkStart, chunkStart + 100, chunkEnd - 16, chunkEnd - 1] {
                #expect(Fixtures.openError(flipping(envelope, at: offset))
                    == .chunkAuthenticationFailed(index: chunk))
            }
        }
    }

    @Test func flippedBytesInTheHeader_areRejected() throws {
        let (envelope, start) = try sample()
        #expect(Fixtures.openError(flipping(envelope, at: 0)) == .badMagic)
        #expect(Fixtures.openError(flipping(envelope, at: 9)) == .unsupportedVersion(0))
        if case .malformedHeader = Fixtures.openError(flipping(envelope, at: 13)) {} else {
            Issue.record("a changed header length must be a malformed header")
        }
        // Every byte of the JSON: a flip is rejected, unless it only touched a key slot,
        // which is unauthenticated by design and changes nothing about the plaintext.
        let original = try Envelope.open(envelope, dataKey: Fixtures.vectorKey)
        var slotOnlyEdits = 0
        for offset in 14..<start {
            guard let opened = try? Envelope.open(
                flipping(envelope, at: offset), dataKey: Fixtures.vectorKey)
            else { continue }
            var header = opened.header
            header.keys = original.header.keys
            #expect(header == original.header)
            #expect(opened.header.keys != original.header.keys)
            #expect(opened.plaintext == original.plaintext)
            slotOnlyEdits += 1
        }
        #expect(slotOnlyEdits > 0)
    }

    @Test func editedAuthenticatedFields_failCommitmentOrChunks() throws {
        let (envelope, start) = try sample()
        let chunks = envelope.subdata(in: start..<envelope.count)
        var header = Fixtures.header()

        header.createdAt = "2026-01-02T03:04:06Z"
        #expect(Fixtures.openError(header.encode() + chunks)
            == .chunkAuthenticationFailed(index: 0))

        header = Fixtures.header()
        header.chunkSize = 8192
        #expect(Fixtures.openError(header.encode() + chunks)
            == .chunkAuthenticationFailed(index: 0))
    }

    @Test func truncationAtChunkBoundaries_isTruncated() throws {
        let (envelope, start) = try sample()
        #expect(Fixtures.openError(envelope.prefix(start)) == .truncated(afterChunk: -1))
        for kept in 1...3 {
            #expect(Fixtures.openError(envelope.prefix(start + kept * Self.stored))
                == .truncated(afterChunk: kept - 1))
        }
        #expect(Fixtures.openError(envelope.prefix(start + Self.stored + 7))
            == .truncated(afterChunk: 0))
    }

    @Test func truncationInsideAChunk_failsThatChunk() throws {
        let (envelope, start) = try sample()
        #expect(Fixtures.openError(envelope.prefix(start + Self.stored + 500))
            == .chunkAuthenticationFailed(index: 1))
        #expect(Fixtures.openError(envelope.dropLast(1)) == .chunkAuthenticationFailed(index: 3))
    }

    @Test func emptyFinalChunkRemoved_isTruncated() throws {
        let envelope = try Fixtures.seal(Fixtures.pattern(2 * Self.size))
        #expect(Fixtures.openError(envelope.dropLast(16)) == .truncated(afterChunk: 1))
    }

    @Test func swappedDroppedOrDuplicatedChunks_failAuthentication() throws {
        let (envelope, start) = try sample()
        func chunk(_ index: Int) -> Data {
            let from = start + index * Self.stored
            return envelope.subdata(in: from..<min(envelope.count, from + Self.stored))
        }
        let head = envelope.prefix(start)
        let swapped = head + chunk(1) + chunk(0) + chunk(2) + chunk(3)
        let dropped = head + chunk(0) + chunk(2) + chunk(3)
        let duplicated = head + chunk(0) + chunk(1) + chunk(1) + chunk(2) + chunk(3)
        #expect(Fixtures.openError(swapped) == .chunkAuthenticationFailed(index: 0))
        #expect(Fixtures.openError(dropped) == .chunkAuthenticationFailed(index: 1))
        #expect(Fixtures.openError(duplicated) == .chunkAuthenticationFailed(index: 2))
    }

    @Test func trailingBytes_failTheLastChunk() throws {
        let (envelope, _) = try sample()
        #expect(Fixtures.openError(envelope + Data([0])) == .chunkAuthenticationFailed(index: 3))
        let aligned = try Fixtures.seal(Fixtures.pattern(Self.size))
        #expect(Fixtures.openError(aligned + Data(count: 16))
            == .chunkAuthenticationFailed(index: 1))
        #expect(Fixtures.openError(aligned + Data(count: Self.stored))
            == .chunkAuthenticationFailed(index: 1))
    }

    @Test func headerFromAnotherEnvelope_isWrongKeyBeforeAnyChunk() throws {
        let (envelope, start) = try sample()
        let otherKey = SecureRandom.bytes(32)
        let other = try Fixtures.seal(Data([1, 2, 3]), key: otherKey, snapshotId: "snap-other")
        let otherHeader = other.prefix(try Fixtures.headerLength(other))
        let spliced = otherHeader + envelope.subdata(in: start..<envelope.count)

        #expect(Fixtures.openError(spliced, key: Fixtures.vectorKey) == .wrongKey)
        #expect(Fixtures.openError(spliced, key: otherKey) == .chunkAuthenticationFailed(index: 0))
    }

    @Test func sameKeyWithAnotherSnapshotId_isRejected() throws {
        let (envelope, start) = try sample()
        let chunks = envelope.subdata(in: start..<envelope.count)

        // Only the id edited: the commitment no longer matches.
        var edited = Fixtures.header()
        edited.snapshotId = "test-vector-0002"
        edited.keys = [Fixtures.slot(snapshotId: "test-vector-0002")]
        #expect(Fixtures.openError(edited.encode() + chunks) == .wrongKey)

        // A fully consistent header for another id under the same key: chunks do not verify.
        let rebuilt = Fixtures.header(snapshotId: "test-vector-0002")
        #expect(Fixtures.openError(rebuilt.encode() + chunks)
            == .chunkAuthenticationFailed(index: 0))
    }

    @Test func wrongDataKey_isRejected() throws {
        let (envelope, _) = try sample()
        #expect(Fixtures.openError(envelope, key: SecureRandom.bytes(32)) == .wrongKey)
        #expect(Fixtures.openError(envelope, key: [1, 2, 3]) == .invalidDataKey(length: 3))
        #expect(throws: EnvelopeError.snapshotMismatch(expected: "x", found: "test-vector-0001")) {
            try Envelope.open(envelope, dataKey: Fixtures.vectorKey, expectedSnapshotId: "x")
        }
    }

    @Test func failedReader_keepsFailing() throws {
        let (envelope, start) = try sample()
        let reader = try EnvelopeReader(data: flipping(envelope, at: start + 5))
        try reader.unlock(dataKey: Fixtures.vectorKey)
        #expect(throws: EnvelopeError.chunkAuthenticationFailed(index: 0)) {
            try reader.read(max: 10)
        }
        #expect(throws: EnvelopeError.chunkAuthenticationFailed(index: 0)) {
            try reader.read(max: 10)
        }
    }
}
