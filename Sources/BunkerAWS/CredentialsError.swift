/// Why credentials could not be found or loaded.
///
/// Descriptions name sources, files, profiles and environment variables, never key values.
public enum CredentialsError: Error, CustomStringConvertible {
    /// No source in the chain had credentials; one entry per source tried, with the reason.
    case notFound(tried: [(source: String, reason: String)])

    /// A source was configured but failed (bad file, endpoint error, bad response).
    case sourceFailed(source: String, reason: String)

    /// The source is not configured here (a chain skips it and tries the next one).
    case notConfigured(source: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(tried):
            let lines = tried.map { "  - \($0.source): \($0.reason)" }.joined(separator: "\n")
            return "no AWS credentials found. Sources tried, in order:\n\(lines)\n"
                + "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, configure a profile in "
                + "~/.aws/credentials (select it with AWS_PROFILE), or run with an ECS task "
                + "role or an EC2 instance profile."
        case let .sourceFailed(source, reason):
            return "\(source): \(reason)"
        case let .notConfigured(source, reason):
            return "\(source) not configured: \(reason)"
        }
    }
}
