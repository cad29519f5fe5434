import Foundation

/// A retention policy: which snapshots `bunker prune` keeps, and whether kept snapshots are
/// protected by S3 Object Lock.
///
/// Read one from a policy file with ``parse(_:name:)`` or ``load(path:)`` (format in
/// docs/RETENTION.md), or build one in code. Only loading rejects a policy that keeps nothing;
/// a policy built in code that keeps nothing still keeps the newest good snapshot.
public struct RetentionPolicy: Hashable, Sendable {
    /// The `keep` rules. A snapshot is kept when any rule keeps it.
    public struct Keep: Hashable, Sendable {
        /// The largest count a policy file may give a rule.
        public static let maximumCount = 100_000

        /// Keep the N newest good snapshots.
        public var last: Int
        /// Keep every good snapshot at most this old (and every one dated after now).
        public var within: RetentionDuration?
        /// Keep the newest good snapshot of each of the N most recent UTC hours.
        public var hourly: Int
        /// Keep the newest good snapshot of each of the N most recent UTC days.
        public var daily: Int
        /// Keep the newest good snapshot of each of the N most recent ISO 8601 weeks.
        public var weekly: Int
        /// Keep the newest good snapshot of each of the N most recent UTC months.
        public var monthly: Int
        /// Keep the newest good snapshot of each of the N most recent UTC years.
        public var yearly: Int

        /// Creates keep rules; every count defaults to 0 (rule off) and `within` to none.
        ///
        /// Counts outside `0...maximumCount` are not rejected here; the rules treat them as
        /// clamped to that range.
        public init(
            last: Int = 0,
            within: RetentionDuration? = nil,
            hourly: Int = 0,
            daily: Int = 0,
            weekly: Int = 0,
            monthly: Int = 0,
            yearly: Int = 0
        ) {
            self.last = last
            self.within = within
            self.hourly = hourly
            self.daily = daily
            self.weekly = weekly
            self.monthly = monthly
            self.yearly = yearly
        }

        /// The count of the calendar rule for `period`, as written.
        public func count(for period: CalendarPeriod) -> Int {
            switch period {
            case .hour: return hourly
            case .day: return daily
            case .week: return weekly
            case .month: return monthly
            case .year: return yearly
            }
        }

        /// `true` when every count is 0 (or less) and there is no `within`.
        public var keepsNothing: Bool {
            within == nil && effectiveLast == 0
                && CalendarPeriod.allCases.allSatisfy { effectiveCount(for: $0) == 0 }
        }

        /// `last`, clamped to `0...maximumCount`.
        var effectiveLast: Int { Self.clamped(last) }

        /// The calendar count for `period`, clamped to `0...maximumCount`.
        func effectiveCount(for period: CalendarPeriod) -> Int { Self.clamped(count(for: period)) }

        private static func clamped(_ count: Int) -> Int { min(max(count, 0), maximumCount) }
    }

    /// The S3 Object Lock retention mode applied to kept snapshots.
    public enum LockMode: String, CaseIterable, Hashable, Sendable {
        /// Users with `s3:BypassGovernanceRetention` can still delete early.
        case governance = "GOVERNANCE"
        /// Nobody, not even the root user, can delete before the retain-until date.
        case compliance = "COMPLIANCE"
    }

    /// The policy's `description` text, for people; it has no effect.
    public var summary: String?
    /// The keep rules.
    public var keep: Keep
    /// The Object Lock mode, or nil when snapshots are not locked.
    public var lock: LockMode?

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - summary: The `description` text.
    ///   - keep: The keep rules.
    ///   - lock: The Object Lock mode, or nil for no lock.
    public init(summary: String? = nil, keep: Keep, lock: LockMode? = nil) {
        self.summary = summary
        self.keep = keep
        self.lock = lock
    }
}
