import Foundation

/// Decides which snapshots a retention policy keeps.
public enum RetentionEvaluator {
    /// Decides, for every snapshot, whether the policy keeps it and why.
    ///
    /// Only good snapshots count toward any rule, and a snapshot is kept when any rule keeps it:
    /// - the newest good snapshot is always kept;
    /// - the newest complete good snapshot is always kept, and so is every good snapshot
    ///   newer than it (those are partial: they may hold the only copy of a secret that
    ///   newer runs could not read);
    /// - every good snapshot dated after `now` is kept (clock skew must never delete);
    /// - `last N`: the N newest good snapshots;
    /// - `within D`: every good snapshot with `now - createdAt <= D`;
    /// - `hourly`/`daily`/`weekly`/`monthly`/`yearly N`: the N most recent UTC buckets up to and
    ///   including the one containing `now` form the window, and the newest good snapshot of each
    ///   of those buckets is kept. Empty buckets keep nothing and do not widen the window.
    ///   Snapshots dated after `now` count as being in now's bucket.
    ///
    /// "Newest" means the latest `createdAt`; equal times are ordered by id (larger is newer).
    /// Failed leftovers are deleted with ``RetentionReason/failedLeftover``; good snapshots that
    /// no rule keeps with ``RetentionReason/noRuleKeeps``. The caller, not this function, spares
    /// leftovers of runs still in progress.
    ///
    /// The result depends only on the arguments, not on the order of `snapshots`. Entries that
    /// share an id share one decision: deletion works by id, so when any entry with an id is
    /// kept, all of them are kept with the union of their reasons.
    ///
    /// - Parameters:
    ///   - snapshots: The good snapshots and failed leftovers, in any order.
    ///   - policy: The policy. Counts are clamped to `0...100000`; a policy that keeps nothing
    ///     still keeps the newest good snapshot.
    ///   - now: The current time.
    /// - Returns: One decision per entry of `snapshots`, in the same order.
    public static func evaluate(
        _ snapshots: [RetentionSnapshot],
        policy: RetentionPolicy,
        now: Date
    ) -> [RetentionDecision] {
        var reasons = Array(repeating: [RetentionReason](), count: snapshots.count)
        let newestFirst = goodIndicesNewestFirst(snapshots)

        if let newest = newestFirst.first { reasons[newest].append(.newestGood) }

        // A partial snapshot may hold the only copy of a secret that newer runs fail to
        // read: keep the newest complete snapshot and every partial one after it.
        let newestComplete = newestFirst.firstIndex { snapshots[$0].isComplete }
        for (position, index) in newestFirst.enumerated() {
            if position == newestComplete {
                // Unsaid when it is the newest good snapshot anyway (the usual case).
                if position > 0 { reasons[index].append(.newestComplete) }
                break
            }
            reasons[index].append(.partialSinceComplete)
        }

        for index in newestFirst where snapshots[index].createdAt > now {
            reasons[index].append(.afterNow)
        }

        let last = policy.keep.effectiveLast
        for index in newestFirst.prefix(last) { reasons[index].append(.last(last)) }

        if let within = policy.keep.within {
            for index in newestFirst
            where now.timeIntervalSince(snapshots[index].createdAt) <= within.seconds {
                reasons[index].append(.within(within))
            }
        }

        for period in CalendarPeriod.allCases {
            let count = policy.keep.effectiveCount(for: period)
            guard count > 0 else { continue }
            let times = newestFirst.map { snapshots[$0].createdAt }
            for (position, bucket) in bucketLeaders(times, period: period, count: count, now: now) {
                reasons[newestFirst[position]].append(.calendar(bucket))
            }
        }

        return decisions(snapshots, reasons: mergedByID(snapshots, reasons))
    }

    /// Indices of the good snapshots, newest first; exact duplicates stay in input order.
    static func goodIndicesNewestFirst(_ snapshots: [RetentionSnapshot]) -> [Int] {
        snapshots.indices.filter { snapshots[$0].isGood }.sorted { a, b in
            if snapshots[a].isNewer(than: snapshots[b]) { return true }
            if snapshots[b].isNewer(than: snapshots[a]) { return false }
            return a < b
        }
    }

    /// For a calendar rule, the first position in `timesNewestFirst` of each bucket inside the
    /// window, with that bucket. Times after `now` are put in now's bucket.
    private static func bucketLeaders(
        _ timesNewestFirst: [Date],
        period: CalendarPeriod,
        count: Int,
        now: Date
    ) -> [(Int, CalendarBucket)] {
        let nowIndex = period.index(containing: now)
        var seen: Set<Int> = []
        var leaders: [(Int, CalendarBucket)] = []
        for (position, time) in timesNewestFirst.enumerated() {
            let index = min(period.index(containing: time), nowIndex)
            guard index > nowIndex - count else { continue }
            if seen.insert(index).inserted {
                leaders.append((position, CalendarBucket(period: period, index: index)))
            }
        }
        return leaders
    }

    /// Gives every entry the union of the reasons of all entries with its id (usually just its
    /// own).
    private static func mergedByID(
        _ snapshots: [RetentionSnapshot],
        _ reasons: [[RetentionReason]]
    ) -> [[RetentionReason]] {
        var byID: [String: [RetentionReason]] = [:]
        var shared: Set<String> = []
        for (index, snapshot) in snapshots.enumerated() {
            if byID[snapshot.id] != nil { shared.insert(snapshot.id) }
            byID[snapshot.id, default: []].append(contentsOf: reasons[index])
        }
        guard !shared.isEmpty else { return reasons }

        return snapshots.indices.map { index in
            let id = snapshots[index].id
            guard shared.contains(id), let union = byID[id] else { return reasons[index] }
            var unique: [RetentionReason] = []
            for reason in union where !unique.contains(reason) { unique.append(reason) }
            return unique.sorted { ($0.rank, $0.description) < ($1.rank, $1.description) }
        }
    }

    private static func decisions(
        _ snapshots: [RetentionSnapshot],
        reasons: [[RetentionReason]]
    ) -> [RetentionDecision] {
        zip(snapshots, reasons).map { snapshot, keptBy in
            if !keptBy.isEmpty {
                return RetentionDecision(snapshot: snapshot, action: .keep, reasons: keptBy)
            }
            let reason: RetentionReason = snapshot.isGood ? .noRuleKeeps : .failedLeftover
            return RetentionDecision(snapshot: snapshot, action: .delete, reasons: [reason])
        }
    }
}
