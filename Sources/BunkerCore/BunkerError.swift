/// Failures of Bunker's own operations, each with advice for the operator.
public enum BunkerError: Error, CustomStringConvertible {
    /// Listing the secrets failed; no snapshot was stored.
    case listingFailed(String)
    /// No secret carries the configured tags; an empty snapshot is never stored.
    case nothingSelected(tags: [String: String])
    /// Every selected secret failed; nothing was stored.
    case allSecretsFailed(count: Int)
    /// The upload or its check failed; the snapshot was not published.
    case uploadFailed(String)
    /// The requested snapshot is not in the catalog.
    case snapshotNotFound(String)
    /// A snapshot id given on the command line is malformed.
    case invalidSnapshotID(String)
    /// The stored archive does not match its catalog record or fails authentication.
    case verificationFailed(id: String, reason: String)
    /// None of the snapshot's wrapped keys could be unwrapped.
    case noUsableKey(id: String, attempts: [String])
    /// `--at` is not a date, an instant, `latest` or a snapshot id.
    case invalidPointInTime(String)
    /// Every snapshot is newer than the requested moment.
    case nothingBefore(requested: String, earliestId: String, earliestTime: String)
    /// The named secret is not in the snapshot, or has no such version or no value.
    case secretNotInSnapshot(name: String, snapshot: String, detail: String)
    /// An in-place restore was asked for in a script without `--yes`.
    case confirmationRequired(String)
    /// The operator answered no.
    case declined
    /// The snapshot chosen for a restore failed verification or could not be opened.
    case unusableSnapshot(id: String, reason: String)
    /// The retention policy file cannot be used.
    case retentionPolicy(String)
    /// The retention policy asks for Object Lock and the bucket has none.
    case objectLockMissing(bucket: String, mode: String)
    /// Prune refused to run: its plan would lose what must be kept.
    case pruneRefused(String)
    /// `--tag` was not `KEY=VALUE`.
    case invalidTagFilter(String)
    /// A secret's customer KMS key has no counterpart configured for the target region.
    case unmappedKMSKey(keyId: String, region: String)

    /// The case name, a stable code for scripts (`--json` error output).
    public var code: String {
        switch self {
        case .listingFailed: return "listingFailed"
        case .nothingSelected: return "nothingSelected"
        case .allSecretsFailed: return "allSecretsFailed"
        case .uploadFailed: return "uploadFailed"
        case .snapshotNotFound: return "snapshotNotFound"
        case .invalidSnapshotID: return "invalidSnapshotID"
        case .verificationFailed: return "verificationFailed"
        case .noUsableKey: return "noUsableKey"
        case .invalidPointInTime: return "invalidPointInTime"
        case .nothingBefore: return "nothingBefore"
        case .secretNotInSnapshot: return "secretNotInSnapshot"
        case .confirmationRequired: return "confirmationRequired"
        case .declined: return "declined"
        case .unusableSnapshot: return "unusableSnapshot"
        case .retentionPolicy: return "retentionPolicy"
        case .objectLockMissing: return "objectLockMissing"
        case .pruneRefused: return "pruneRefused"
        case .invalidTagFilter: return "invalidTagFilter"
        case .unmappedKMSKey: return "unmappedKMSKey"
        }
    }

    public var description: String {
        switch self {
        case let .listingFailed(reason):
            return "listing secrets failed: \(reason). No snapshot was stored; "
                + "check credentials, permissions and the source region, then retry."
        case let .nothingSelected(tags):
            let rule = tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: ", ")
            return "no secret carries the tags \(rule); nothing to back up, no snapshot stored. "
                + "Tag the secrets to protect or fix source.tags in the config."
        case let .allSecretsFailed(count):
            return "all \(count) selected secrets failed to read; no snapshot stored. "
                + "Check the permissions shown above."
        case let .uploadFailed(reason):
            return "storing the snapshot failed: \(reason). The snapshot was not published; "
                + "re-run `bunker snapshot`."
        case let .snapshotNotFound(id):
            return "no good snapshot with id \(id); run `bunker snapshots` to list them."
        case let .invalidSnapshotID(text):
            return "\"\(text)\" is not a snapshot id (expected e.g. 20261203T213700Z-3f9a1c)"
        case let .verificationFailed(id, reason):
            return "snapshot \(id) failed verification: \(reason)"
        case let .noUsableKey(id, attempts):
            return "cannot unwrap the data key of snapshot \(id): "
                + attempts.joined(separator: "; ")
        case let .invalidPointInTime(text):
            return "\"\(text)\" is not a point in time; use an ISO 8601 instant "
                + "(2026-11-20T23:00:00Z or with an offset), a date (2026-11-20, the end of "
                + "that day in UTC), `latest`, or a snapshot id"
        case let .nothingBefore(requested, earliestId, earliestTime):
            return "no snapshot was taken at or before \(requested); the earliest is "
                + "\(earliestId) (\(earliestTime)). Pick a later time, or `--at \(earliestId)`."
        case let .secretNotInSnapshot(name, snapshot, detail):
            return "\(name): \(detail) in snapshot \(snapshot); run `bunker show \(snapshot)` "
                + "to see what it holds"
        case let .confirmationRequired(what):
            return "\(what) overwrites live secrets and needs --yes when not run from a "
                + "terminal; check the plan with --dry-run first. Nothing was changed."
        case .declined:
            return "restore cancelled; nothing was changed"
        case let .unusableSnapshot(id, reason):
            return "snapshot \(id) will not be used: \(reason). Nothing was written. "
                + "Pick an older snapshot with --at (`bunker snapshots` lists them) and "
                + "investigate the damaged one with `bunker verify \(id)`."
        case let .retentionPolicy(reason):
            return "retention policy: \(reason)"
        case let .objectLockMissing(bucket, mode):
            return "the retention policy asks for S3 Object Lock (\(mode)) but bucket \(bucket) "
                + "has no Object Lock; run `bunker init` (which enables it on a new or empty "
                + "bucket) or pick a policy without lock. Nothing was stored unlocked."
        case let .pruneRefused(reason):
            return "prune refused to run: \(reason). Nothing was deleted."
        case let .invalidTagFilter(text):
            return "--tag \(text) is not KEY=VALUE"
        case let .unmappedKMSKey(keyId, region):
            return "KMS key \(keyId) does not exist in \(region); map it in the config under "
                + "restore.kmsKeys.\(region) (the key's id, ARN or alias, or \"*\")"
        }
    }
}
