/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
public struct EnvironmentCredentialsProvider: CredentialsProvider {
    private let environment: [String: String]

    /// A provider reading `environment` (usually `ProcessInfo.processInfo.environment`).
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// - Throws: ``CredentialsError/notConfigured(source:reason:)`` when the variables are
    ///   absent or only one of the key pair is set.
    public func credentials() throws -> AWSCredentials {
        let source = "environment variables"
        let keyId = nonEmpty("AWS_ACCESS_KEY_ID")
        let secret = nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (keyId, secret) {
        case let (keyId?, secret?):
            return AWSCredentials(
                accessKeyId: keyId, secretAccessKey: secret,
                sessionToken: nonEmpty("AWS_SESSION_TOKEN"))
        case (nil, nil):
            throw CredentialsError.notConfigured(
                source: source, reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
        case (nil, _):
            throw CredentialsError.notConfigured(
                source: source,
                reason: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both")
        case (_, nil):
            throw CredentialsError.notConfigured(
                source: source,
                reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both")
        }
    }

    private func nonEmpty(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
