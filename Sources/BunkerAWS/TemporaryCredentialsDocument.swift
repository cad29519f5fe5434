import BunkerHTTP
import Foundation

/// The JSON document the ECS container endpoint and EC2 instance metadata return.
struct TemporaryCredentialsDocument: Decodable {
    var code: String?
    var message: String?
    var accessKeyId: String?
    var secretAccessKey: String?
    var token: String?
    var expiration: String?

    enum CodingKeys: String, CodingKey {
        case code = "Code"
        case message = "Message"
        case accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
        case token = "Token"
        case expiration = "Expiration"
    }

    /// Credentials from a response body; the errors name `source` and never quote the body.
    static func parse(_ body: Data, source: String) throws -> AWSCredentials {
        guard let document = try? JSONDecoder().decode(Self.self, from: body) else {
            throw CredentialsError.sourceFailed(
                source: source, reason: "the response was not the expected JSON document")
        }
        if let code = document.code, code != "Success" {
            throw CredentialsError.sourceFailed(
                source: source, reason: "the endpoint reported Code=\(code)")
        }
        guard let keyId = document.accessKeyId, let secret = document.secretAccessKey,
            !keyId.isEmpty, !secret.isEmpty
        else {
            throw CredentialsError.sourceFailed(
                source: source, reason: "the response has no AccessKeyId/SecretAccessKey")
        }
        var expiration: Date?
        if let text = document.expiration {
            guard let date = parseISO8601(text) else {
                throw CredentialsError.sourceFailed(
                    source: source, reason: "the Expiration '\(text)' is not an ISO 8601 date")
            }
            expiration = date
        }
        return AWSCredentials(
            accessKeyId: keyId, secretAccessKey: secret, sessionToken: document.token,
            expiration: expiration)
    }

    /// `2026-01-02T03:04:05Z`, with or without fractional seconds.
    static func parseISO8601(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}

extension HTTPRequest {
    /// A request for an absolute `http(s)` URL, or nil when `text` is not one.
    static func fromURL(_ text: String, method: String) -> HTTPRequest? {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        var request = HTTPRequest(
            method: method, scheme: scheme, host: host, port: components.port, path: path,
            query: components.percentEncodedQuery ?? "")
        request.headers.append(("Host", request.hostHeader))
        return request
    }
}
