/// What `bunker prune` decided and did, snapshot by snapshot.
public struct PruneReport: Codable, Equatable, Sendable {
    /// What happened to one snapshot (or leftover archive).
    public enum Outcome: String, Codable, Sendable {
        /// The policy keeps it.
        case kept
        /// Dry run: it would be deleted.
        case planned
        /// Deleted, archive and catalog record, every version.
        case deleted
        /// The policy lets it go, but S3 Object Lock keeps it until `lockedUntil`.
        case locked
        /// A leftover archive young enough to belong to a snapshot still running.
        case spared
        /// Deleting failed; see `error`.
        case failed
    }

    public struct Item: Codable, Equatable, Sendable {
        public var id: String
        public var time: String
        /// False for a failed leftover (an archive the catalog does not list).
        public var good: Bool
        /// `keep` or `delete`, as the policy decided.
        public var decision: String
        /// The rules that keep it, or why it goes.
        public var reasons: [String]
        public var outcome: Outcome
        public var lockedUntil: String?
        /// Set when this run extended the snapshot's lock (a promotion).
        public var lockExtendedTo: String?
        public var error: String?
    }

    public struct Summary: Codable, Equatable, Sendable {
        public var kept = 0
        public var planned = 0
        public var deleted = 0
        public var locked = 0
        public var spared = 0
        public var failed = 0
        /// Unfinished multipart uploads aborted (or, in a dry run, to abort).
        public var uploadsAborted = 0
    }

    /// The policy file applied.
    public var policy: String
    public var dryRun: Bool
    /// The time the rules were evaluated at.
    public var now: String
    public var snapshots: [Item]
    public var summary: Summary

    init(policy: String, dryRun: Bool, now: String, snapshots: [Item], uploadsAborted: Int) {
        self.policy = policy
        self.dryRun = dryRun
        self.now = now
        self.snapshots = snapshots
        var summary = Summary()
        summary.uploadsAborted = uploadsAborted
        for item in snapshots {
            switch item.outcome {
            case .kept: summary.kept += 1
            case .planned: summary.planned += 1
            case .deleted: summary.deleted += 1
            case .locked: summary.locked += 1
            case .spared: summary.spared += 1
            case .failed: summary.failed += 1
            }
        }
        self.summary = summary
    }
}
