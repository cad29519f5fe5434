import BunkerHTTP
import Foundation

/// Credentials from the ECS / EKS Pod Identity container credentials endpoint.
///
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is appended to `http://169.254.170.2`;
/// otherwise `AWS_CONTAINER_CREDENTIALS_FULL_URI` is used as is, with the
/// `Authorization` header taken from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`. Limits: a full URI over plain http should point at a
/// loopback or the ECS/EKS link-local address; this is not enforced.
public struct ContainerCredentialsProvider: CredentialsProvider {
    /// The host of relative URIs.
    public static let ecsHost = "http://169.254.170.2"

    private let environment: [String: String]
    private let transport: HTTPTransport

    /// A provider reading `environment`, fetching through `transport` (use short timeouts).
    public init(environment: [String: String], transport: HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    /// Whether the environment names a container endpoint at all.
    public var isConfigured: Bool {
        value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != nil
            || value("AWS_CONTAINER_CREDENTIALS_FULL_URI") != nil
    }

    public func credentials() throws -> AWSCredentials {
        let source = "ECS container credentials endpoint"
        let url: String
        if let relative = value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            url = Self.ecsHost + (relative.hasPrefix("/") ? relative : "/" + relative)
        } else if let full = value("AWS_CONTAINER_CREDENTIALS_FULL_URI") {
            url = full
        } else {
            throw CredentialsError.notConfigured(
                source: source,
                reason: "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set")
        }

        guard var request = HTTPRequest.fromURL(url, method: "GET") else {
            throw CredentialsError.sourceFailed(
                source: source, reason: "the container credentials URI is not an http(s) URL")
        }
        if let token = try authorizationToken(source: source) {
            request.headers.append(("Authorization", token))
        }
        request.headers.append(("Accept", "application/json"))

        let response: HTTPResponse
        do {
            response = try transport.send(request, bodySink: nil)
        } catch {
            throw CredentialsError.sourceFailed(
                source: source, reason: "request to \(request.host) failed: \(error)")
        }
        guard response.status == 200 else {
            throw CredentialsError.sourceFailed(
                source: source,
                reason: "HTTP \(response.status) from \(request.host); check the task role "
                    + "and the authorization token")
        }
        return try TemporaryCredentialsDocument.parse(response.body, source: source)
    }

    private func authorizationToken(source: String) throws -> String? {
        if let path = value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw CredentialsError.sourceFailed(
                    source: source,
                    reason: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return value("AWS_CONTAINER_AUTHORIZATION_TOKEN")
    }

    private func value(_ name: String) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        return text
    }
}
