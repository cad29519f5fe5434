/// Bunker's configuration, as read from the JSON config file (see docs/CONFIG.md).
public struct BunkerConfig: Equatable, Sendable {
    /// Where the secrets come from and which ones are selected.
    public struct Source: Equatable, Sendable {
        public var region: String
        /// Every listed tag must be present on a secret; the value `"*"` matches any value.
        public var tags: [String: String]
    }

    /// The KMS key that wraps each snapshot's data key in the primary region.
    public struct KMS: Equatable, Sendable {
        public var keyId: String
    }

    /// The primary S3 location of snapshots.
    public struct Store: Equatable, Sendable {
        public var region: String
        public var bucket: String
        /// Key prefix, normalised to end with `/` unless empty.
        public var prefix: String
    }

    /// The cross-region copy (used by the replication work).
    public struct Replica: Equatable, Sendable {
        public var region: String
        public var bucket: String
        public var kmsKeyId: String
        public var prefix: String
    }

    /// Tuning of the snapshot run.
    public struct Tuning: Equatable, Sendable {
        /// Requests in flight at once.
        public var concurrency: Int = 8
        /// The fraction of each Secrets Manager API quota a run may use (see
        /// ``QuotaPacer``); the rest is left to the applications sharing the account.
        public var quotaShare: Double = 0.5
        /// Read the archive back and check every entry before listing the snapshot.
        public var verifyAfterUpload: Bool = true
        /// How many earlier snapshots are searched for values of secrets that are
        /// scheduled for deletion.
        public var carryForwardLookback: Int = 30
    }

    /// Settings of `bunker restore`.
    public struct Restore: Equatable, Sendable {
        /// Per target region, the KMS key to use in place of a source key (`"*"`: any other
        /// customer key). Consulted when restoring into another region, and in the source
        /// region when a key is listed.
        public var kmsKeys: [String: [String: String]] = [:]
    }

    /// The retention policy `prune` applies and that sets Object Lock dates.
    public struct Retention: Equatable, Sendable {
        /// The policy file, absolute (a relative path in the file is resolved against the
        /// config file's directory); nil when no policy is configured.
        public var policyPath: String?
        /// Archives without a catalog record younger than this are spared by `prune`: they
        /// may belong to a snapshot still running. Seconds.
        public var leftoverGrace: Double = 24 * 3600
    }

    public var source: Source
    public var kms: KMS
    public var store: Store
    public var replica: Replica?
    public var snapshot: Tuning
    public var restore: Restore = Restore()
    public var retention: Retention = Retention()
}
