import BunkerCrypto
import Foundation

/// Checks a stored snapshot end to end without trusting anything in it first.
///
/// Downloads the archive, checks its size and SHA-256 against the catalog,
/// unwraps the data key through KMS, authenticates every envelope chunk, unpacks
/// the tar stream in memory and checks every document's keyed digest against the
/// manifest — and that no entry is missing or extra.
public struct SnapshotVerifier {
    /// What a successful verification saw.
    public struct Report: Codable, Equatable, Sendable {
        public var id: String
        public var time: String
        public var secretCount: Int
        public var versionCount: Int
        public var entriesChecked: Int
        public var size: Int
        public var partial: Bool
        public var verified: Bool
    }

    public let reader: SnapshotReader

    public init(reader: SnapshotReader) { self.reader = reader }

    /// Verifies one snapshot; throws ``BunkerError/verificationFailed(id:reason:)`` on any problem.
    public func verify(_ entry: CatalogEntry) throws -> Report {
        var digests: [String: String] = [:]
        var manifestBytes: Data?
        try reader.read(entry) { item, digestKey in
            if item.path == EntryDigest.manifestPath {
                manifestBytes = item.data
            } else {
                guard digests[item.path] == nil else {
                    throw BunkerError.verificationFailed(
                        id: entry.id, reason: "entry \(item.path) appears twice")
                }
                digests[item.path] = EntryDigest.digest(item.data, key: digestKey)
            }
        }
        return try check(entry, manifestBytes: manifestBytes, digests: digests)
    }

    private func check(
        _ entry: CatalogEntry, manifestBytes: Data?, digests: [String: String]
    ) throws -> Report {
        func fail(_ reason: String) -> BunkerError {
            BunkerError.verificationFailed(id: entry.id, reason: reason)
        }
        guard let manifestBytes else { throw fail("the archive has no manifest.json") }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: manifestBytes)
        } catch {
            throw fail("manifest.json is not readable")
        }
        guard manifest.id == entry.id else {
            throw fail("the manifest belongs to snapshot \(manifest.id)")
        }
        var listed = Set<String>()
        for secret in manifest.secrets {
            guard let digest = digests[secret.document] else {
                throw fail("document \(secret.document) listed in the manifest is missing")
            }
            guard constantTimeEquals(Array(digest.utf8), Array(secret.digest.utf8)) else {
                throw fail("document \(secret.document) does not match its digest")
            }
            listed.insert(secret.document)
        }
        if let extra = digests.keys.sorted().first(where: { !listed.contains($0) }) {
            throw fail("entry \(extra) is not listed in the manifest")
        }
        guard manifest.secrets.count == entry.secretCount,
              manifest.versionCount == entry.versionCount
        else { throw fail("the catalog counts do not match the manifest") }
        return Report(
            id: entry.id, time: entry.time, secretCount: manifest.secrets.count,
            versionCount: manifest.versionCount, entriesChecked: digests.count + 1,
            size: entry.size, partial: manifest.isPartial, verified: true)
    }
}
