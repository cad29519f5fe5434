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
        }
    }
}
