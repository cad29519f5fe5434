import BunkerAWS
import BunkerCore
import BunkerCrypto
import Foundation
import Testing
import TestSupport

/// An attacker with write access to the bucket alters a stored snapshot; `bunker verify`
/// must exit 4 with a message that says what is wrong, every time.
@Suite(.enabled(if: MotoWorld.isAvailable), .serialized)
struct SnapshotTamperTests {
    /// Bytes per stored chunk: the default chunk size plus the GCM tag (docs/FORMAT.md).
    static let storedChunk = 65536 + 16

    struct Stored {
        let bunker: Bunker
        let entry: CatalogEntry
        let original: Data
        let s3: S3Client
        let bucket: String

        /// The encoded header's length: magic, version, length field, JSON.
        var headerLength: Int {
            14 + original[10..<14].reduce(0) { $0 << 8 | Int($1) }
        }

        /// Replaces the archive; with `updateCatalog` also its catalog record, as an
        /// attacker who can rewrite both would.
        func replaceArchive(with bytes: Data, updateCatalog: Bool) throws {
            _ = try s3.putObject(bucket: bucket, key: entry.archiveKey, body: bytes)
            guard updateCatalog else { return }
            var forged = entry
            forged.size = bytes.count
            forged.sha256 = Hex.encode(SHA256.hash(bytes))
            let encoder = JSONEncoder()
            let layout = try bunker.store().layout
            _ = try s3.putObject(
                bucket: bucket, key: layout.catalogKey(try #require(SnapshotID(entry.id))),
                body: try encoder.encode(forged), contentType: "application/json")
        }

        func verify() throws -> ProcessResult {
            try bunker.run("verify", entry.id)
        }
    }

    /// A snapshot of the demo world plus three 64 KiB secrets: at least three chunks.
    static func stored(_ label: String) throws -> Stored {
        let seeded = try #require(MotoWorld.current).seed(
            namespace: MotoWorld.uniqueNamespace(label), bulk: 3)
        let bunker = try Bunker(seeded)
        let report = try bunker.snapshot()
        let entry = try #require(try bunker.catalog().first { $0.id == report.id })
        let config = try bunker.config
        let s3 = try bunker.services(admin: true).s3(region: config.store.region)
        let original = try s3.getObject(bucket: config.store.bucket, key: entry.archiveKey)
        #expect(original.count > 14 + 3 * storedChunk / 2)
        return Stored(bunker: bunker, entry: entry, original: original, s3: s3, bucket: config.store.bucket)
    }

    @Test func untouchedSnapshot_verifies() throws {
        let stored = try Self.stored("tamper-none")
        let result = try stored.verify()
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.output.contains("verified"))
    }

    @Test func flippedByte_isCaughtByTheCatalogChecksum_andByTheChunkTag() throws {
        let stored = try Self.stored("tamper-flip")
        var bytes = stored.original
        bytes[stored.headerLength + 100] ^= 0x01

        try stored.replaceArchive(with: bytes, updateCatalog: false)
        var result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("does not match its catalog record"), "\(result.errorOutput)")

        try stored.replaceArchive(with: bytes, updateCatalog: true)
        result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("chunk 0 failed authentication"), "\(result.errorOutput)")
    }

    @Test func truncation_atAChunkBoundaryAndInsideAChunk_isDetected() throws {
        let stored = try Self.stored("tamper-cut")
        let atBoundary = stored.original.prefix(stored.headerLength + 2 * Self.storedChunk)
        try stored.replaceArchive(with: Data(atBoundary), updateCatalog: true)
        var result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("truncated"), "\(result.errorOutput)")

        let inside = stored.original.prefix(stored.headerLength + Self.storedChunk + 1000)
        try stored.replaceArchive(with: Data(inside), updateCatalog: true)
        result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("chunk 1 failed authentication"), "\(result.errorOutput)")
    }

    @Test func reorderedChunks_areDetected() throws {
        let stored = try Self.stored("tamper-swap")
        let start = stored.headerLength
        let first = stored.original[start..<(start + Self.storedChunk)]
        let second = stored.original[(start + Self.storedChunk)..<(start + 2 * Self.storedChunk)]
        var bytes = stored.original.prefix(start)
        bytes.append(second)
        bytes.append(first)
        bytes.append(stored.original[(start + 2 * Self.storedChunk)...])
        try stored.replaceArchive(with: bytes, updateCatalog: true)

        let result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("chunk 0 failed authentication"), "\(result.errorOutput)")
    }

    @Test func headerSwappedInFromAnotherSnapshot_isDetected() throws {
        let stored = try Self.stored("tamper-header")
        let other = try stored.bunker.snapshot()
        let otherEntry = try #require(try stored.bunker.catalog().first { $0.id == other.id })
        let otherBytes = try stored.s3.getObject(bucket: stored.bucket, key: otherEntry.archiveKey)
        let otherHeader = otherBytes.prefix(14 + otherBytes[10..<14].reduce(0) { $0 << 8 | Int($1) })

        var bytes = Data(otherHeader)
        bytes.append(stored.original[stored.headerLength...])
        try stored.replaceArchive(with: bytes, updateCatalog: true)

        let result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("header belongs to snapshot \(other.id)"), "\(result.errorOutput)")
        #expect(try stored.bunker.run("verify", other.id).status == 0)
    }

    @Test func archiveDeletedBehindTheCatalog_isAVerificationFailure() throws {
        let stored = try Self.stored("tamper-gone")
        try stored.s3.deleteObject(bucket: stored.bucket, key: stored.entry.archiveKey)
        let result = try stored.verify()
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("is missing from the bucket"), "\(result.errorOutput)")
    }

    @Test func verifyJSON_reportsTheFailure() throws {
        let stored = try Self.stored("tamper-json")
        var bytes = stored.original
        bytes[bytes.count - 1] ^= 0x80
        try stored.replaceArchive(with: bytes, updateCatalog: true)

        let result = try stored.bunker.run("verify", stored.entry.id, "--json")
        #expect(result.status == 4)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == "verificationFailed")
        #expect((error["message"] as? String)?.contains("failed authentication") == true)
    }
}

