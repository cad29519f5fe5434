import BunkerAWS
import BunkerCore

/// Process exit codes, documented in `bunker --help` and docs/CLI.md.
enum ExitCode: Int32 {
    /// The command did everything it was asked.
    case success = 0
    /// The command failed; for `snapshot`, nothing was published.
    case failure = 1
    /// Bad command line or configuration.
    case usage = 2
    /// Some secrets could not be captured (snapshot) or restored (restore); the others were.
    case partial = 3
    /// A stored snapshot failed verification (altered, truncated, wrong key).
    case verificationFailed = 4
    /// The requested snapshot does not exist.
    case notFound = 5
    /// `init --check`: a bucket is not prepared as required.
    case notReady = 6

    /// The exit code for an error that ended a command.
    static func forError(_ error: Error) -> ExitCode {
        switch error {
        case is UsageError, is ConfigError: return .usage
        case let error as BunkerError:
            switch error {
            case .verificationFailed, .noUsableKey, .unusableSnapshot: return .verificationFailed
            case .snapshotNotFound, .nothingBefore, .secretNotInSnapshot: return .notFound
            case .invalidSnapshotID, .invalidPointInTime, .invalidTagFilter, .confirmationRequired,
                .retentionPolicy, .objectLockMissing:
                return .usage
            default: return .failure
            }
        case let error as AWSError:
            if case .configuration = error { return .usage }
            return .failure
        default: return .failure
        }
    }
}
