import BunkerAWS
import Foundation

extension SnapshotStore {
    /// An archive in the bucket, with or without a catalog record.
    public struct StoredArchive: Sendable {
        public var id: SnapshotID
        public var key: String
        public var lastModified: Date?
    }

    /// How a snapshot's objects are locked.
    public struct LockState: Sendable, Equatable {
        /// The latest retain-until date over every version of both objects, if any.
        public var lockedUntil: Date?
        /// The current version of each object that exists: key → (version id, lock date).
        public var current: [String: (versionId: String, retainUntil: Date?)]

        public static func == (lhs: LockState, rhs: LockState) -> Bool {
            lhs.lockedUntil == rhs.lockedUntil && lhs.current.keys == rhs.current.keys
        }
    }

    /// Every archive under the prefix, whether or not the catalog lists it.
    public func archives() throws -> [StoredArchive] {
        var found: [StoredArchive] = []
        try Pagination.forEachPage("ListObjectsV2") { token in
            let page = try s3.listObjectsV2(
                bucket: bucket, prefix: layout.archivePrefix, continuationToken: token)
            for object in page.objects {
                guard let id = layout.snapshotID(fromArchiveKey: object.key) else { continue }
                found.append(StoredArchive(
                    id: id, key: object.key, lastModified: object.lastModified))
            }
            return page.nextContinuationToken
        }
        return found
    }

    /// The keys of snapshot `id`: its catalog record and its archive.
    public func keys(of id: SnapshotID) -> [String] {
        [layout.catalogKey(id), layout.archiveKey(id)]
    }

    /// Every version (and delete marker) of exactly `key`.
    func versions(of key: String) throws -> [S3Client.ObjectVersion] {
        try s3.listObjectVersions(bucket: bucket, prefix: key).filter { $0.key == key }
    }

    /// The Object Lock state of snapshot `id`'s objects (read with `HeadObject` per version).
    public func lockState(of id: SnapshotID) throws -> LockState {
        var state = LockState(lockedUntil: nil, current: [:])
        for key in keys(of: id) {
            for version in try versions(of: key) where !version.isDeleteMarker {
                let info = try s3.headObject(
                    bucket: bucket, key: key,
                    versionId: version.versionId == "null" ? nil : version.versionId)
                let until = info?.lockRetainUntil
                if let until, until > (state.lockedUntil ?? .distantPast) {
                    state.lockedUntil = until
                }
                if version.isLatest { state.current[key] = (version.versionId, until) }
            }
        }
        return state
    }

    /// Deletes every version of snapshot `id`'s objects, the catalog record first, so an
    /// interruption leaves at worst an unlisted archive (a leftover the next prune removes),
    /// never a listed snapshot without its archive.
    public func deleteForGood(_ id: SnapshotID) throws {
        for key in keys(of: id) {
            for version in try versions(of: key) {
                try s3.deleteVersion(bucket: bucket, key: key, versionId: version.versionId)
            }
        }
    }

    /// Extends the lock of the current version of each of `id`'s objects to `until`
    /// (never shortens it); returns whether anything changed.
    public func extendLock(
        of id: SnapshotID, mode: String, until: Date, state: LockState
    ) throws -> Bool {
        var changed = false
        for (key, current) in state.current where (current.retainUntil ?? .distantPast) < until {
            try s3.putObjectRetention(
                bucket: bucket, key: key, versionId: current.versionId,
                lock: S3ObjectLock(mode: mode, retainUntil: until))
            changed = true
        }
        return changed
    }
}
