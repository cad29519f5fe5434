/// Why a snapshot is kept or deleted. The ``description`` strings are stable: logs, `--json`
/// output and tests may rely on them.
public enum RetentionReason: Hashable, Sendable, CustomStringConvertible {
    /// The newest good snapshot, kept whatever the policy: `newest good snapshot`.
    case newestGood
    /// The newest good snapshot that captured every selected secret: `newest complete
    /// snapshot`.
    case newestComplete
    /// A partial good snapshot newer than the newest complete one, kept because it may hold
    /// the only copy of a secret: `partial, newer than the newest complete snapshot`.
    case partialSinceComplete
    /// A good snapshot dated after `now`, kept so that clock skew never deletes:
    /// `after now (clock skew)`.
    case afterNow
    /// Among the N newest good snapshots: `last 3`.
    case last(Int)
    /// At most the duration old, or dated after now: `within 48h`.
    case within(RetentionDuration)
    /// The newest good snapshot of a bucket inside a calendar rule's window: `daily 2026-11-20`,
    /// `hourly 2026-11-20T23`, `weekly 2026-W47`, `monthly 2026-11`, `yearly 2026`.
    case calendar(CalendarBucket)
    /// Deleted: an archive with no catalog record: `failed leftover (not in the catalog)`.
    case failedLeftover
    /// Deleted: a good snapshot that no rule keeps: `no rule keeps it`.
    case noRuleKeeps

    public var description: String {
        switch self {
        case .newestGood: return "newest good snapshot"
        case .newestComplete: return "newest complete snapshot"
        case .partialSinceComplete: return "partial, newer than the newest complete snapshot"
        case .afterNow: return "after now (clock skew)"
        case .last(let count): return "last \(count)"
        case .within(let duration): return "within \(duration.text)"
        case .calendar(let bucket): return "\(bucket.period.ruleName) \(bucket.label)"
        case .failedLeftover: return "failed leftover (not in the catalog)"
        case .noRuleKeeps: return "no rule keeps it"
        }
    }

    /// Position in the fixed order reasons are listed in.
    var rank: Int {
        switch self {
        case .newestGood: return 0
        case .newestComplete: return 1
        case .partialSinceComplete: return 2
        case .afterNow: return 3
        case .last: return 4
        case .within: return 5
        case .calendar(let bucket):
            return 6 + CalendarPeriod.allCases.firstIndex(of: bucket.period)!
        case .failedLeftover: return 20
        case .noRuleKeeps: return 21
        }
    }
}

/// What prune should do with one snapshot, and why.
public struct RetentionDecision: Hashable, Sendable {
    /// Keep or delete.
    public enum Action: String, Hashable, Sendable {
        case keep
        case delete
    }

    /// The snapshot the decision is about, exactly as given.
    public var snapshot: RetentionSnapshot
    /// Keep or delete.
    public var action: Action
    /// For a kept snapshot, every rule that keeps it, in the order newest good snapshot, after
    /// now, last, within, hourly, daily, weekly, monthly, yearly. For a deleted snapshot, exactly
    /// one reason: ``RetentionReason/failedLeftover`` or ``RetentionReason/noRuleKeeps``.
    public var reasons: [RetentionReason]

    /// Creates a decision.
    public init(snapshot: RetentionSnapshot, action: Action, reasons: [RetentionReason]) {
        self.snapshot = snapshot
        self.action = action
        self.reasons = reasons
    }

    /// `true` when the action is keep.
    public var isKept: Bool { action == .keep }
}
