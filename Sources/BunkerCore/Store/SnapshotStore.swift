import BunkerAWS
import BunkerCrypto
import Foundation

/// The catalog and archives of one bucket location.
///
/// The catalog is the set of `catalog/<id>.json` records; a snapshot exists for
/// Bunker exactly when its record does.
public final class SnapshotStore {
    public let s3: S3Client
    public let bucket: String
    public let layout: StoreLayout

    public init(s3: S3Client, bucket: String, prefix: String) {
        self.s3 = s3
        self.bucket = bucket
        layout = StoreLayout(prefix: prefix)
    }

    /// Every good snapshot, oldest first.
    public func catalog(pool: WorkPool = WorkPool(width: 8)) throws -> [CatalogEntry] {
        var ids: [SnapshotID] = []
        try Pagination.forEachPage("ListObjectsV2") { token in
            let page = try s3.listObjectsV2(
                bucket: bucket, prefix: layout.catalogPrefix, continuationToken: token)
            ids.append(contentsOf: page.objects.compactMap {
                layout.snapshotID(fromCatalogKey: $0.key)
            })
            return page.nextContinuationToken
        }

        let results = pool.map(ids) { id in Result { try self.entry(id) } }
        return try results.map { try $0.get() }.sorted { $0.id < $1.id }
    }

    /// The catalog record of one snapshot.
    public func entry(_ id: SnapshotID) throws -> CatalogEntry {
        let data: Data
        do {
            data = try s3.getObject(bucket: bucket, key: layout.catalogKey(id))
        } catch let error as AWSError where error.code == "NoSuchKey" || error.status == 404 {
            throw BunkerError.snapshotNotFound(id.rawValue)
        }
        do {
            return try JSONDecoder().decode(CatalogEntry.self, from: data)
        } catch {
            throw BunkerError.verificationFailed(
                id: id.rawValue, reason: "its catalog record is not readable (\(error))")
        }
    }

    /// Publishes a snapshot. Fails if a record with this id already exists.
    ///
    /// - Parameter objectLock: The retention the record gets, like its archive, so that
    ///   a locked snapshot cannot be hidden by deleting its record either.
    public func publish(_ entry: CatalogEntry, objectLock: S3ObjectLock? = nil) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let body = try encoder.encode(entry)
        guard let id = SnapshotID(entry.id) else { throw BunkerError.invalidSnapshotID(entry.id) }
        _ = try s3.putObject(
            bucket: bucket, key: layout.catalogKey(id), body: body,
            contentType: "application/json", ifNoneMatch: true, objectLock: objectLock)
    }

    /// Downloads a snapshot's archive into `file`, checking size and SHA-256
    /// against the catalog record.
    public func download(_ entry: CatalogEntry, into file: FileHandle) throws {
        let hasher = SHA256Hasher()
        var size = 0
        do {
            try s3.getObject(
                bucket: bucket, key: entry.archiveKey, versionId: entry.archiveVersionId
            ) { chunk in
                hasher.update(chunk)
                size += chunk.count
                try file.write(contentsOf: chunk)
            }
        } catch let error as AWSError
            where ["NoSuchKey", "NoSuchVersion", "NotFound"].contains(error.code ?? "")
        {
            throw BunkerError.verificationFailed(
                id: entry.id,
                reason: "its archive \(entry.archiveKey) is missing from the bucket "
                    + "(\(error.code ?? "NotFound")): it was deleted or replaced")
        }
        let digest = Hex.encode(hasher.finalize())
        guard size == entry.size, digest == entry.sha256 else {
            throw BunkerError.verificationFailed(
                id: entry.id,
                reason: "the stored archive (\(size) bytes, sha256 \(digest.prefix(12))…) "
                    + "does not match its catalog record (\(entry.size) bytes, sha256 "
                    + "\(entry.sha256.prefix(12))…): it was altered or replaced")
        }
    }
}
