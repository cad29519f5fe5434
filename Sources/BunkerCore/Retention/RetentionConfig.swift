import BunkerAWS
import BunkerRetention
import Foundation

extension BunkerConfig {
    /// The configured retention policy, read from `retention.policy`; nil when none is set.
    ///
    /// - Throws: ``BunkerError/retentionPolicy(_:)`` when the file is unreadable or invalid.
    public func retentionPolicy() throws -> RetentionPolicy? {
        guard let path = retention.policyPath else { return nil }
        do {
            return try RetentionPolicy.load(path: path)
        } catch {
            throw BunkerError.retentionPolicy("\(error)")
        }
    }
}

/// The S3 Object Lock a new snapshot's objects are written with.
enum WriteLock {
    /// The lock for a snapshot created at `createdAt` in `store`, or nil when the policy asks
    /// for none. The date is the policy's write-time date (docs/RETENTION.md), and never
    /// less than an hour ahead.
    ///
    /// - Throws: ``BunkerError/objectLockMissing(bucket:mode:)`` when the policy asks for a
    ///   lock and the bucket has no Object Lock: a clear error, never a silent downgrade.
    static func forNewSnapshot(
        policy: RetentionPolicy?, store: SnapshotStore, createdAt: Date, now: Date
    ) throws -> S3ObjectLock? {
        guard let policy, let mode = policy.lock,
            let until = ObjectLockSchedule.writeTimeRetainUntil(
                createdAt: createdAt, policy: policy)
        else { return nil }
        guard try store.s3.objectLockConfiguration(store.bucket)?.enabled == true else {
            throw BunkerError.objectLockMissing(bucket: store.bucket, mode: mode.rawValue)
        }
        return S3ObjectLock(
            mode: mode.rawValue, retainUntil: max(until, now.addingTimeInterval(3600)))
    }
}
