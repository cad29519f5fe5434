/// The plan or the outcome of `bunker restore`, for people and for `--json`.
///
/// Holds names, version ids, labels and reasons; never a value.
public struct RestoreReport: Codable, Equatable, Sendable {
    /// The snapshot used and how it was chosen.
    public struct Snapshot: Codable, Equatable, Sendable {
        public var id: String
        public var time: String
        /// What `--at` asked for, as typed.
        public var requested: String
        /// The instant `--at` resolved to, when it was a date or an instant.
        public var resolvedTo: String?
        /// Seconds between the snapshot and now.
        public var ageSeconds: Int
        /// Seconds between the snapshot and the requested instant: changes made in that
        /// window are not in the snapshot.
        public var gapSeconds: Int?
    }

    /// One secret's line.
    public struct Secret: Codable, Equatable, Sendable {
        public var name: String
        public var target: String
        public var region: String
        /// The actions joined: `undelete, roll back value`.
        public var action: String
        public var reasons: [String]
        /// The Secrets Manager calls the plan makes, in words.
        public var steps: [String]
        public var notes: [String]
        public var outcome: RestoreOutcome
        public var error: String?
    }

    /// Counts per outcome.
    public struct Summary: Codable, Equatable, Sendable {
        public var planned = 0
        public var restored = 0
        public var unchanged = 0
        public var skipped = 0
        public var failed = 0
    }

    public var snapshot: Snapshot
    public var dryRun: Bool
    public var region: String
    public var prefix: String
    public var secrets: [Secret]
    public var summary: Summary

    /// Whether every selected secret is as the snapshot had it (or was skipped on purpose).
    public var succeeded: Bool { summary.failed == 0 }

    init(snapshot: Snapshot, dryRun: Bool, region: String, prefix: String, secrets: [Secret]) {
        self.snapshot = snapshot
        self.dryRun = dryRun
        self.region = region
        self.prefix = prefix
        self.secrets = secrets
        var summary = Summary()
        for secret in secrets {
            switch secret.outcome {
            case .planned: summary.planned += 1
            case .restored: summary.restored += 1
            case .unchanged: summary.unchanged += 1
            case .skipped: summary.skipped += 1
            case .failed: summary.failed += 1
            }
        }
        self.summary = summary
    }
}
