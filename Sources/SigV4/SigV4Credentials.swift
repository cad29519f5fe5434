/// AWS credentials used to sign a request.
///
/// `description` never shows the secret access key or the session token, so a value of this
/// type can be interpolated into a log line or an error without leaking them.
public struct SigV4Credentials: Sendable, CustomStringConvertible {
    /// The access key id (`AKIA…` or `ASIA…`); not secret, it appears in every signature.
    public var accessKeyId: String

    /// The secret access key. Never logged.
    public var secretAccessKey: String

    /// The session token of temporary credentials, sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    /// Credentials from their parts; `sessionToken` only for temporary credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The access key id and whether a token is present; secrets are redacted.
    public var description: String {
        let token = sessionToken == nil ? "no session token" : "session token <redacted>"
        return "SigV4Credentials(\(accessKeyId), secret <redacted>, \(token))"
    }
}
