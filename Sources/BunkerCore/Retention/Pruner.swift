import BunkerAWS
import BunkerRetention
import Foundation

/// Applies the retention policy to the store: deletes what it lets go, extends the
/// Object Lock of snapshots it promotes, and clears failed leftovers.
///
/// Safety rules, whatever the policy says:
/// - only good (catalogued) snapshots count toward the rules; the newest good one is
///   never deleted, and a plan that would delete every good snapshot is refused;
/// - a snapshot under Object Lock is reported as locked until its date and left whole
///   (its catalog record too); the run goes on;
/// - a snapshot's catalog record goes before its archive, and every object version goes
///   (a delete marker alone frees nothing in a versioned bucket);
/// - leftover archives younger than `retention.leftoverGraceHours` are spared: they may
///   belong to a snapshot being written right now.
///
/// Limits: the primary store only; the replica location joins when replication does.
public final class Pruner {
    private let config: BunkerConfig
    private let services: AWSServices
    private let policyPath: String
    private let policy: RetentionPolicy
    private let clock: () -> Date
    private let log: (String) -> Void

    /// - Parameters:
    ///   - policyPath: Overrides the config's `retention.policy` (`prune --policy FILE`).
    ///   - log: Receives one line per deletion and lock change (snapshot id and reason).
    /// - Throws: ``BunkerError/retentionPolicy(_:)`` when no policy is configured or the
    ///   file is invalid.
    public init(
        config: BunkerConfig, services: AWSServices, policyPath: String? = nil,
        clock: @escaping () -> Date = Date.init, log: @escaping (String) -> Void
    ) throws {
        var config = config
        if let policyPath { config.retention.policyPath = policyPath }
        guard let path = config.retention.policyPath, let policy = try config.retentionPolicy()
        else {
            throw BunkerError.retentionPolicy(
                "no policy configured; set retention.policy in the config to a file such as "
                    + "policies/retention/standard.json, or pass --policy FILE")
        }
        self.config = config
        self.services = services
        self.policyPath = path
        self.policy = policy
        self.clock = clock
        self.log = log
    }

    /// Evaluates the policy and, unless `dryRun`, carries it out.
    ///
    /// - Throws: ``BunkerError/pruneRefused(_:)`` before deleting anything when the plan
    ///   breaks a safety rule; S3 errors while listing.
    public func run(dryRun: Bool) throws -> PruneReport {
        let now = clock()
        let store = try services.primaryStore(config)
        let catalog = try store.catalog()
        let catalogued = Set(catalog.map(\.id))

        var snapshots: [RetentionSnapshot] = catalog.compactMap { entry in
            Timestamps.parseInstant(entry.time).map {
                RetentionSnapshot(
                    id: entry.id, createdAt: $0, isGood: true, isComplete: !entry.isPartial)
            }
        }
        var spared: [PruneReport.Item] = []
        for archive in try store.archives() where !catalogued.contains(archive.id.rawValue) {
            let written = archive.lastModified ?? now
            let item = RetentionSnapshot(id: archive.id.rawValue, createdAt: written, isGood: false)
            if now.timeIntervalSince(written) < config.retention.leftoverGrace {
                spared.append(PruneReport.Item(
                    id: item.id, time: Timestamps.iso8601(written), good: false, decision: "keep",
                    reasons: ["leftover younger than the grace period (a snapshot may be running)"],
                    outcome: .spared))
            } else {
                snapshots.append(item)
            }
        }

        let decisions = RetentionEvaluator.evaluate(snapshots, policy: policy, now: now)
        try checkSafety(decisions)

        // Read even when the policy has no lock: objects may be locked from an earlier one.
        let bucketLocked = try store.s3.objectLockConfiguration(store.bucket)?.enabled == true
        if policy.lock != nil && !bucketLocked {
            log("warning: the policy asks for Object Lock but bucket \(store.bucket) has none; "
                + "snapshots there are not protected from early deletion (run `bunker init`)")
        }
        let targets = Dictionary(
            ObjectLockSchedule.lockTargets(for: snapshots, policy: policy, now: now)
                .compactMap { target in target.retainUntil.map { (target.snapshot.id, $0) } }
        ) { first, _ in first }

        var items = spared
        for decision in decisions.sorted(by: { $0.snapshot.id < $1.snapshot.id }) {
            items.append(apply(
                decision, store: store, dryRun: dryRun, bucketLocked: bucketLocked,
                lockTarget: targets[decision.snapshot.id]))
        }
        let aborted = try abortStaleUploads(store, now: now, dryRun: dryRun)
        return PruneReport(
            policy: policyPath, dryRun: dryRun, now: Timestamps.iso8601(now),
            snapshots: items.sorted { $0.id < $1.id }, uploadsAborted: aborted)
    }

    /// Refuses plans that would lose the last good copy, whatever the policy says.
    private func checkSafety(_ decisions: [RetentionDecision]) throws {
        let good = decisions.filter(\.snapshot.isGood)
        guard let newest = good.map(\.snapshot).max(by: { $1.isNewer(than: $0) }) else { return }
        if good.allSatisfy({ !$0.isKept }) {
            throw BunkerError.pruneRefused("the plan would delete every good snapshot")
        }
        if good.contains(where: { $0.snapshot.id == newest.id && !$0.isKept }) {
            throw BunkerError.pruneRefused(
                "the plan would delete the newest good snapshot \(newest.id)")
        }
    }

    private func apply(
        _ decision: RetentionDecision, store: SnapshotStore, dryRun: Bool, bucketLocked: Bool,
        lockTarget: Date?
    ) -> PruneReport.Item {
        let snapshot = decision.snapshot
        var item = PruneReport.Item(
            id: snapshot.id, time: Timestamps.iso8601(snapshot.createdAt), good: snapshot.isGood,
            decision: decision.isKept ? "keep" : "delete",
            reasons: decision.reasons.map(\.description),
            outcome: decision.isKept ? .kept : (dryRun ? .planned : .deleted))
        guard let id = SnapshotID(snapshot.id) else {
            item.outcome = .failed
            item.error = "not a snapshot id"
            return item
        }

        do {
            let extendsLocks = policy.lock != nil && bucketLocked
            let readsLock = bucketLocked && (!decision.isKept || extendsLocks)
            let state = readsLock ? try store.lockState(of: id) : nil
            item.lockedUntil = state?.lockedUntil.map(Timestamps.iso8601)
            if decision.isKept {
                if let mode = policy.lock?.rawValue, let until = lockTarget, let state, !dryRun,
                    try store.extendLock(of: id, mode: mode, until: until, state: state)
                {
                    item.lockExtendedTo = Timestamps.iso8601(until)
                    log("extended the lock of snapshot \(id) to \(Timestamps.iso8601(until)) "
                        + "(\(decision.reasons.map(\.description).joined(separator: ", ")))")
                }
                return item
            }
            if let until = state?.lockedUntil, until > clock() {
                item.outcome = .locked
                log("snapshot \(id) stays: the policy lets it go "
                    + "(\(item.reasons.joined(separator: ", "))), "
                    + "but it is locked until \(Timestamps.iso8601(until))")
                return item
            }
            guard !dryRun else { return item }
            try store.deleteForGood(id)
            log("deleted snapshot \(id) (\(item.reasons.joined(separator: ", ")))")
        } catch let error as AWSError
            where error.code == "AccessDenied" && bucketLocked && !decision.isKept
        {
            item.outcome = .locked
            item.error = "S3 refused the delete (AccessDenied); it is probably locked"
            log("snapshot \(id) stays: \(item.error ?? "")")
        } catch {
            item.outcome = .failed
            item.error = "\(error)"
            log("could not prune snapshot \(id): \(error)")
        }
        return item
    }

    /// Aborts multipart uploads of archives older than the grace period.
    private func abortStaleUploads(_ store: SnapshotStore, now: Date, dryRun: Bool) throws -> Int {
        let stale = try store.s3.listMultipartUploads(
            bucket: store.bucket, prefix: store.layout.archivePrefix
        ).filter { now.timeIntervalSince($0.initiated ?? now) >= config.retention.leftoverGrace }
        guard !dryRun else { return stale.count }
        for upload in stale {
            try store.s3.abortMultipartUpload(
                bucket: store.bucket, key: upload.key, uploadId: upload.uploadId)
            log("aborted the unfinished upload of \(upload.key)")
        }
        return stale.count
    }
}
