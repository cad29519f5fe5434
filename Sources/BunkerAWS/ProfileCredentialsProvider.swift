/// Static keys from the selected profile of the shared credentials and config files.
///
/// Reads `aws_access_key_id`, `aws_secret_access_key` and `aws_session_token`; the
/// credentials file wins over the config file. Limits: profiles that only name
/// `role_arn`, `credential_process`, `sso_session`/`sso_start_url` or
/// `web_identity_token_file` are not resolved; the error says so and what to do.
public struct ProfileCredentialsProvider: CredentialsProvider {
    private let config: SharedConfig

    /// A provider for the profile `config` selected.
    public init(config: SharedConfig) {
        self.config = config
    }

    /// - Throws: ``CredentialsError/notConfigured(source:reason:)`` when the profile or its
    ///   keys are missing, ``CredentialsError/sourceFailed(source:reason:)`` when the
    ///   profile needs a mechanism this provider does not implement.
    public func credentials() throws -> AWSCredentials {
        let source = "shared files profile '\(config.profileName)' "
            + "(\(config.credentialsPath), \(config.configPath))"
        guard config.profileExists else {
            throw CredentialsError.notConfigured(
                source: source, reason: "no such profile in either file")
        }

        let profile = config.profile
        if let keyId = nonEmpty(profile["aws_access_key_id"]),
            let secret = nonEmpty(profile["aws_secret_access_key"])
        {
            return AWSCredentials(
                accessKeyId: keyId, secretAccessKey: secret,
                sessionToken: nonEmpty(profile["aws_session_token"]))
        }

        let unsupported = ["role_arn", "credential_process", "sso_session", "sso_start_url",
            "web_identity_token_file"].filter { profile[$0] != nil }
        if !unsupported.isEmpty {
            throw CredentialsError.sourceFailed(
                source: source,
                reason: "the profile uses \(unsupported.joined(separator: ", ")), which bunker "
                    + "does not resolve itself; export temporary keys instead (for example "
                    + "`aws configure export-credentials --format env`)")
        }
        throw CredentialsError.notConfigured(
            source: source,
            reason: "the profile has no aws_access_key_id and aws_secret_access_key")
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
