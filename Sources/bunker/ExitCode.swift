import BunkerCore

/// Process exit codes, documented in `bunker --help` and docs/CLI.md.
enum ExitCode: Int32 {
    /// The command did everything it was asked.
    case success = 0
    /// The command failed; for `snapshot`, nothing was published.
    case failure = 1
    /// Bad command line or configuration.
    case usage = 2
    /// A snapshot was stored but some secrets could not be captured.
    case partial = 3
    /// A stored snapshot failed verification (altered, truncated, wrong key).
    case verificationFailed = 4
    /// The requested snapshot does not exist.
    case notFound = 5

    /// The exit code for an error that ended a command.
    static func forError(_ error: Error) -> ExitCode {
        switch error {
        case is UsageError, is ConfigError: return .usage
        case let error as BunkerError:
            switch error {
            case .verificationFailed, .noUsableKey: return .verificationFailed
            case .snapshotNotFound: return .notFound
            case .invalidSnapshotID: return .usage
            default: return .failure
            }
        default: return .failure
        }
    }
}
