import BunkerHTTP
import Foundation

/// Credentials of the EC2 instance profile, through IMDSv2 only.
///
/// Steps: `PUT /latest/api/token` with `X-aws-ec2-metadata-token-ttl-seconds`, then
/// `GET /latest/meta-data/iam/security-credentials/` for the role name, then that role's
/// document. The endpoint is `http://169.254.169.254` unless
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT` says otherwise; `AWS_EC2_METADATA_DISABLED=true`
/// turns the provider off. Use a transport with short timeouts
/// (``InstanceMetadataCredentialsProvider/transportConfiguration``) so a black-holed
/// endpoint fails in seconds. Limits: no IMDSv1 fallback (deliberately), no IPv6 mode.
public struct InstanceMetadataCredentialsProvider: CredentialsProvider {
    /// The default endpoint.
    public static let defaultEndpoint = "http://169.254.169.254"

    /// 1 s to connect, 2 s per request: metadata answers in milliseconds when it answers.
    public static let transportConfiguration = HTTPConfiguration(
        connectTimeout: 1, requestTimeout: 2)

    private static let credentialsPath = "/latest/meta-data/iam/security-credentials/"
    private let environment: [String: String]
    private let transport: HTTPTransport
    private let source = "EC2 instance metadata (IMDSv2)"

    /// A provider reading `environment`, fetching through `transport`.
    public init(environment: [String: String], transport: HTTPTransport) {
        self.environment = environment
        self.transport = transport
    }

    /// False when `AWS_EC2_METADATA_DISABLED` is `true`.
    public var isEnabled: Bool {
        environment["AWS_EC2_METADATA_DISABLED"]?.lowercased() != "true"
    }

    /// The endpoint in use, without a trailing slash.
    public var endpoint: String {
        var value = environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? ""
        if value.isEmpty { value = Self.defaultEndpoint }
        while value.hasSuffix("/") { value.removeLast() }
        return value
    }

    public func credentials() throws -> AWSCredentials {
        guard isEnabled else {
            throw CredentialsError.notConfigured(
                source: source, reason: "AWS_EC2_METADATA_DISABLED is true")
        }
        let token = try fetchToken()
        let roleList = try get(Self.credentialsPath, token: token, step: "role name")
        let role = String(decoding: roleList, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard !role.isEmpty else {
            throw CredentialsError.sourceFailed(
                source: source, reason: "no IAM role is attached to this instance; attach an "
                    + "instance profile")
        }
        let encodedRole = role.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
            ?? role
        let document = try get(Self.credentialsPath + encodedRole, token: token, step: "role")
        return try TemporaryCredentialsDocument.parse(document, source: source)
    }

    private func fetchToken() throws -> String {
        guard var request = HTTPRequest.fromURL(endpoint + "/latest/api/token", method: "PUT")
        else {
            throw CredentialsError.sourceFailed(
                source: source, reason: "AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http URL")
        }
        request.headers.append(("X-aws-ec2-metadata-token-ttl-seconds", "21600"))

        let response: HTTPResponse
        do {
            response = try transport.send(request, bodySink: nil)
        } catch {
            throw CredentialsError.sourceFailed(
                source: source,
                reason: "the IMDSv2 token request (PUT \(endpoint)/latest/api/token) failed: "
                    + "\(error). If this runs in a container on EC2, the instance's IMDSv2 PUT "
                    + "response hop limit (HttpPutResponseHopLimit) must be at least 2: "
                    + "`aws ec2 modify-instance-metadata-options --instance-id <id> "
                    + "--http-put-response-hop-limit 2 --http-tokens required`. Not on EC2? "
                    + "Set AWS_EC2_METADATA_DISABLED=true and configure credentials another way.")
        }
        guard response.status == 200, !response.body.isEmpty else {
            throw CredentialsError.sourceFailed(
                source: source,
                reason: "the IMDSv2 token request returned HTTP \(response.status); check that "
                    + "the instance metadata service is enabled (HttpEndpoint=enabled)")
        }
        return String(decoding: response.body, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func get(_ path: String, token: String, step: String) throws -> Data {
        guard var request = HTTPRequest.fromURL(endpoint + path, method: "GET") else {
            throw CredentialsError.sourceFailed(
                source: source, reason: "AWS_EC2_METADATA_SERVICE_ENDPOINT is not an http URL")
        }
        request.headers.append(("X-aws-ec2-metadata-token", token))
        let response: HTTPResponse
        do {
            response = try transport.send(request, bodySink: nil)
        } catch {
            throw CredentialsError.sourceFailed(
                source: source, reason: "fetching the \(step) failed: \(error)")
        }
        guard response.status == 200 else {
            let hint = response.status == 404
                ? "; no IAM role is attached to this instance" : ""
            throw CredentialsError.sourceFailed(
                source: source,
                reason: "fetching the \(step) returned HTTP \(response.status)\(hint)")
        }
        return response.body
    }
}
