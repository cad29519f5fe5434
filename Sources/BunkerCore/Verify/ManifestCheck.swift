import BunkerCrypto
import Foundation

/// Checks a snapshot's manifest against what its archive really held and against its
/// catalog record: every listed document present with the right keyed digest, nothing
/// extra, the counts the catalog promised.
enum ManifestCheck {
    /// The validated manifest.
    ///
    /// - Parameters:
    ///   - manifestBytes: `manifest.json` as read, or nil when the archive had none.
    ///   - digests: each other entry's path and keyed digest.
    /// - Throws: ``BunkerError/verificationFailed(id:reason:)`` naming the first problem.
    static func validated(
        _ entry: CatalogEntry, manifestBytes: Data?, digests: [String: String]
    ) throws -> Manifest {
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
        return manifest
    }
}
