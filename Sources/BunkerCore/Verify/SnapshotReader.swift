import BunkerArchive
import BunkerAWS
import BunkerEnvelope
import Foundation

/// Opens stored snapshots: download, unwrap the data key, authenticate and unpack.
///
/// Archives are read in memory from an encrypted temporary file (ciphertext only,
/// mode 0600, removed afterwards) and never extracted to disk.
public final class SnapshotReader {
    public let store: SnapshotStore
    private let kmsForRegion: (String) throws -> KMSClient

    public init(store: SnapshotStore, kmsForRegion: @escaping (String) throws -> KMSClient) {
        self.store = store
        self.kmsForRegion = kmsForRegion
    }

    /// Streams every archive entry of a snapshot to `visit`, after the envelope
    /// and tar layers have authenticated it. Throws if anything is wrong,
    /// including after the last entry (truncation, trailing data).
    ///
    /// `visit` also receives the snapshot's entry-digest key, so callers can check
    /// manifest digests without holding the archive in memory.
    func read(_ entry: CatalogEntry, visit: (TarEntry, [UInt8]) throws -> Void) throws {
        let file = try TemporaryFile()
        defer { file.remove() }
        try store.download(entry, into: file.handle)
        try file.handle.seek(toOffset: 0)

        let handle = file.handle
        let envelope: EnvelopeReader
        do {
            envelope = try EnvelopeReader(source: { try handle.read(upToCount: $0) })
        } catch {
            throw BunkerError.verificationFailed(id: entry.id, reason: "\(error)")
        }
        guard envelope.header.snapshotId == entry.id else {
            throw BunkerError.verificationFailed(
                id: entry.id,
                reason: "the archive header belongs to snapshot \(envelope.header.snapshotId)")
        }
        var dataKey = try unwrapKey(envelope.header, id: entry.id)
        defer { dataKey.resetBytes() }
        do {
            try envelope.unlock(dataKey: dataKey)
            let digestKey = EntryDigest.key(dataKey: dataKey)
            let tar = TarGzReader(source: { try envelope.read(max: $0) })
            while let item = try tar.next() { try visit(item, digestKey) }
        } catch let error as BunkerError {
            throw error
        } catch {
            throw BunkerError.verificationFailed(id: entry.id, reason: "\(error)")
        }
    }

    /// Reads a snapshot completely, checks it (every chunk authenticated, every document's
    /// keyed digest against the manifest, nothing missing or extra, the catalog's counts)
    /// and returns the manifest and the documents `keep` accepts, in manifest order.
    ///
    /// Memory holds only the kept documents (and one entry at a time while reading).
    ///
    /// - Throws: ``BunkerError/verificationFailed(id:reason:)`` or
    ///   ``BunkerError/noUsableKey(id:attempts:)``; nothing is returned from a snapshot
    ///   that does not check out.
    public func contents(
        _ entry: CatalogEntry, where keep: (SecretDocument) -> Bool = { _ in true }
    ) throws -> SnapshotContents {
        var documents: [String: SecretDocument] = [:]
        var digests: [String: String] = [:]
        var manifestBytes: Data?
        let decoder = JSONDecoder()
        try read(entry) { item, digestKey in
            if item.path == EntryDigest.manifestPath {
                manifestBytes = item.data
                return
            }
            guard digests[item.path] == nil else {
                throw BunkerError.verificationFailed(
                    id: entry.id, reason: "entry \(item.path) appears twice")
            }
            digests[item.path] = EntryDigest.digest(item.data, key: digestKey)
            let document: SecretDocument
            do {
                document = try decoder.decode(SecretDocument.self, from: item.data)
            } catch {
                throw BunkerError.verificationFailed(
                    id: entry.id, reason: "entry \(item.path) is not a secret document")
            }
            if keep(document) { documents[item.path] = document }
        }
        let manifest = try ManifestCheck.validated(
            entry, manifestBytes: manifestBytes, digests: digests)
        let ordered = manifest.secrets.compactMap { documents[$0.document] }
        return SnapshotContents(manifest: manifest, documents: ordered)
    }

    func unwrapKey(_ header: EnvelopeHeader, id: String) throws -> [UInt8] {
        var attempts: [String] = []
        for slot in header.keys where slot.type == WrappedKeySlot.awsKMS {
            do {
                return try kmsForRegion(slot.region).decrypt(
                    ciphertextBlob: slot.ciphertext, encryptionContext: slot.encryptionContext,
                    keyId: slot.keyId)
            } catch {
                attempts.append("KMS key \(slot.keyId) in \(slot.region): \(error)")
            }
        }
        if attempts.isEmpty { attempts.append("the archive lists no AWS KMS key slot") }
        throw BunkerError.noUsableKey(id: id, attempts: attempts)
    }
}

/// A whole snapshot in memory: the manifest and the secret documents in manifest order.
public struct SnapshotContents: Sendable {
    public var manifest: Manifest
    public var documents: [SecretDocument]
}

private extension Array where Element == UInt8 {
    mutating func resetBytes() {
        for index in indices { self[index] = 0 }
    }
}
