import Foundation

/// The S3 Object Lock retain-until date wanted for one kept snapshot, and what it is based on.
public struct LockTarget: Hashable, Sendable {
    /// The kept good snapshot.
    public var snapshot: RetentionSnapshot
    /// The date the lock should reach, or nil when no time-bound rule protects the snapshot
    /// (and always nil when the policy has no `lock`).
    public var retainUntil: Date?
    /// The rules that set ``retainUntil``: ``RetentionReason/within(_:)`` while the snapshot is
    /// within, and one ``RetentionReason/calendar(_:)`` per rule the snapshot is promoted under.
    public var basis: [RetentionReason]

    /// Creates a lock target.
    public init(snapshot: RetentionSnapshot, retainUntil: Date?, basis: [RetentionReason]) {
        self.snapshot = snapshot
        self.retainUntil = retainUntil
        self.basis = basis
    }
}

/// Derives S3 Object Lock retain-until dates from a retention policy.
///
/// A rule's *lifetime* for a snapshot S is the instant at which the rule can no longer keep S:
/// `S.createdAt + D` for `within D`; for `hourly`/`daily`/`weekly`/`monthly`/`yearly N`, the
/// start of S's UTC bucket (for weeks, Monday 00:00 of the ISO week) plus N buckets. `last N`
/// has no lifetime. The lock only ever needs to be extended: the caller sets a date only when
/// it is later than the current one and in the future, and never shortens a lock.
public enum ObjectLockSchedule {
    /// The lifetime of a snapshot made at `createdAt` under the calendar rule `period` with
    /// `count` (clamped to `0...100000`): the start of its bucket plus `count` buckets.
    public static func lifetime(createdAt: Date, period: CalendarPeriod, count: Int) -> Date {
        let clamped = min(max(count, 0), RetentionPolicy.Keep.maximumCount)
        return period.bucket(containing: createdAt).advanced(by: clamped).start
    }

    /// The retain-until date for a snapshot just uploaded (so the newest one).
    ///
    /// It is the later of the `within` lifetime and the shortest lifetime among the calendar
    /// rules with a count above 0, so a plain nightly snapshot is locked for its daily lifetime,
    /// not for seven years; promotion (``lockTargets(for:policy:now:)``) extends it later. With
    /// only `last`, it is `createdAt` plus one day.
    ///
    /// - Important: With a short `hourly` rule the date can be only minutes after `createdAt`;
    ///   the caller must not set a date that is not in the future.
    /// - Parameters:
    ///   - createdAt: The new snapshot's creation time.
    ///   - policy: The policy.
    /// - Returns: The date, or nil when the policy has no `lock`.
    public static func writeTimeRetainUntil(createdAt: Date, policy: RetentionPolicy) -> Date? {
        guard policy.lock != nil else { return nil }

        let within = policy.keep.within.map { createdAt.addingTimeInterval($0.seconds) }
        let shortestCalendar = CalendarPeriod.allCases
            .filter { policy.keep.effectiveCount(for: $0) > 0 }
            .map {
                lifetime(
                    createdAt: createdAt, period: $0, count: policy.keep.effectiveCount(for: $0))
            }
            .min()

        let candidates = [within, shortestCalendar].compactMap { $0 }
        return candidates.max()
            ?? createdAt.addingTimeInterval(TimeInterval(UTCCalendar.secondsPerDay))
    }

    /// The retain-until date one good snapshot should have now, given the catalog.
    ///
    /// The snapshot is *promoted* under a calendar rule when its bucket has closed (`now` is at
    /// or after the bucket's end), it is the newest good snapshot of that bucket in `catalog`
    /// (so no later snapshot can displace it), and the bucket is still inside the rule's window.
    /// The date is the latest lifetime over the rules it is promoted under and, while
    /// `now - createdAt <= D`, over `within D`.
    ///
    /// - Parameters:
    ///   - snapshot: The snapshot; it counts as part of the catalog whether listed there or not.
    ///   - catalog: The other snapshots; failed leftovers are ignored.
    ///   - policy: The policy.
    ///   - now: The current time.
    /// - Returns: The date, or nil when the policy has no `lock`, the snapshot is a failed
    ///   leftover, or no `within` or promotion applies.
    public static func promotedRetainUntil(
        of snapshot: RetentionSnapshot,
        catalog: [RetentionSnapshot],
        policy: RetentionPolicy,
        now: Date
    ) -> Date? {
        guard policy.lock != nil, snapshot.isGood else { return nil }
        let leaders = BucketLeaders(good: catalog.filter(\.isGood) + [snapshot], policy: policy)
        return promotion(of: snapshot, leaders: leaders, policy: policy, now: now).retainUntil
    }

    /// The retain-until date every snapshot kept by the policy should have now.
    ///
    /// Evaluates the policy (``RetentionEvaluator/evaluate(_:policy:now:)``) and returns one
    /// target per kept good snapshot, in input order, with the date of
    /// ``promotedRetainUntil(of:catalog:policy:now:)``. Without `lock`, every date is nil.
    ///
    /// - Parameters:
    ///   - snapshots: The catalog's good snapshots and any failed leftovers, in any order.
    ///   - policy: The policy.
    ///   - now: The current time.
    /// - Returns: One target per kept good snapshot.
    public static func lockTargets(
        for snapshots: [RetentionSnapshot],
        policy: RetentionPolicy,
        now: Date
    ) -> [LockTarget] {
        let kept = RetentionEvaluator.evaluate(snapshots, policy: policy, now: now)
            .filter { $0.isKept && $0.snapshot.isGood }
            .map(\.snapshot)
        guard policy.lock != nil else {
            return kept.map { LockTarget(snapshot: $0, retainUntil: nil, basis: []) }
        }

        let leaders = BucketLeaders(good: snapshots.filter(\.isGood), policy: policy)
        return kept.map { promotion(of: $0, leaders: leaders, policy: policy, now: now) }
    }

    private static func promotion(
        of snapshot: RetentionSnapshot,
        leaders: BucketLeaders,
        policy: RetentionPolicy,
        now: Date
    ) -> LockTarget {
        var basis: [RetentionReason] = []
        var dates: [Date] = []

        if let within = policy.keep.within {
            let until = snapshot.createdAt.addingTimeInterval(within.seconds)
            if until >= now {
                basis.append(.within(within))
                dates.append(until)
            }
        }

        for period in CalendarPeriod.allCases {
            let count = policy.keep.effectiveCount(for: period)
            guard count > 0 else { continue }
            let bucket = period.bucket(containing: snapshot.createdAt)
            let until = bucket.advanced(by: count).start
            guard now >= bucket.end, now < until, leaders.isNewest(snapshot, in: bucket) else {
                continue
            }
            basis.append(.calendar(bucket))
            dates.append(until)
        }

        return LockTarget(snapshot: snapshot, retainUntil: dates.max(), basis: basis)
    }
}

/// The newest good snapshot of every bucket of the calendar rules a policy uses.
struct BucketLeaders {
    private var newest: [CalendarBucket: RetentionSnapshot] = [:]

    init(good: [RetentionSnapshot], policy: RetentionPolicy) {
        let periods = CalendarPeriod.allCases.filter { policy.keep.effectiveCount(for: $0) > 0 }
        for snapshot in good {
            for period in periods {
                let bucket = period.bucket(containing: snapshot.createdAt)
                if let current = newest[bucket], !snapshot.isNewer(than: current) { continue }
                newest[bucket] = snapshot
            }
        }
    }

    /// Whether no good snapshot in `bucket` is newer than `snapshot`.
    func isNewest(_ snapshot: RetentionSnapshot, in bucket: CalendarBucket) -> Bool {
        guard let leader = newest[bucket] else { return true }
        return !leader.isNewer(than: snapshot)
    }
}
