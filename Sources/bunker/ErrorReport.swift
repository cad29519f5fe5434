import BunkerAWS
import BunkerCore

/// The error that ended a command, as printed: a stable code for scripts and a sentence
/// for people. `--json` prints it as `{"error": {"code", "message", "exitCode"}}` on stdout.
struct ErrorReport: Encodable {
    struct Body: Encodable {
        let code: String
        let message: String
        let exitCode: Int32
    }

    let error: Body

    init(_ error: Error) {
        self.error = Body(
            code: Self.code(of: error), message: "\(error)",
            exitCode: ExitCode.forError(error).rawValue)
    }

    /// A short, stable name for the kind of failure (no payload).
    static func code(of error: Error) -> String {
        switch error {
        case is UsageError: return "usage"
        case is ConfigError: return "config"
        case let error as BunkerError: return error.code
        case let error as AWSError: return "aws.\(error.code ?? "transport")"
        case is CredentialsError: return "credentials"
        default: return "failure"
        }
    }
}
