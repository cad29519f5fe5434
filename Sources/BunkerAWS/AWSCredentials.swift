import Foundation
import SigV4

/// AWS credentials as a provider returns them.
///
/// `description` never shows the secret access key or the session token.
public struct AWSCredentials: Sendable, CustomStringConvertible, CustomReflectable {
    /// The access key id (`AKIA…` long-term, `ASIA…` temporary). Not secret.
    public var accessKeyId: String

    /// The secret access key. Never logged.
    public var secretAccessKey: String

    /// The session token of temporary credentials. Never logged.
    public var sessionToken: String?

    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?

    /// Credentials from their parts.
    public init(
        accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil,
        expiration: Date? = nil
    ) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The form the SigV4 signer takes.
    public var sigV4: SigV4Credentials {
        SigV4Credentials(
            accessKeyId: accessKeyId, secretAccessKey: secretAccessKey, sessionToken: sessionToken)
    }

    /// The access key id, whether a token is present and the expiry; secrets are redacted.
    public var description: String {
        let token = sessionToken == nil ? "no session token" : "session token <redacted>"
        let expiry = expiration.map { ", expires \(ISO8601DateFormatter().string(from: $0))" } ?? ""
        return "AWSCredentials(\(accessKeyId), secret <redacted>, \(token)\(expiry))"
    }

    /// A mirror without the secrets, so `dump()` and debuggers do not show them either.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}

/// Something that can produce AWS credentials.
///
/// Implementations must be thread-safe. `credentials()` may block on the network
/// (container and instance-metadata providers).
public protocol CredentialsProvider: Sendable {
    /// Current credentials, or an error (usually ``CredentialsError``) saying why there
    /// are none and what to do.
    func credentials() throws -> AWSCredentials
}

/// A provider that always returns the same credentials (tests, explicit configuration).
public struct StaticCredentialsProvider: CredentialsProvider {
    private let value: AWSCredentials

    /// A provider for `credentials`.
    public init(_ credentials: AWSCredentials) {
        self.value = credentials
    }

    public func credentials() throws -> AWSCredentials { value }
}
