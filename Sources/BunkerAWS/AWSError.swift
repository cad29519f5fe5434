import BunkerHTTP

/// A failed AWS call.
///
/// Descriptions carry the service's error code and message, the HTTP status and the request
/// id, never a response body: Secrets Manager bodies may hold secret values.
public enum AWSError: Error, CustomStringConvertible {
    /// The service answered with an error.
    case service(code: String, message: String, status: Int, requestId: String?)

    /// No response arrived (connection, TLS, timeout).
    case transport(HTTPError)

    /// Credentials could not be obtained; the text says which sources were tried.
    case credentials(String)

    /// A response arrived but could not be understood (the body is not quoted).
    case invalidResponse(String)

    /// The settings are wrong (bad endpoint URL, missing region).
    case configuration(String)

    /// Every attempt failed; `lastError` is the failure of the last one.
    indirect case retriesExhausted(lastError: AWSError, attempts: Int)

    /// The service error code, also when wrapped in ``retriesExhausted(lastError:attempts:)``.
    public var code: String? {
        switch self {
        case let .service(code, _, _, _): return code
        case let .retriesExhausted(last, _): return last.code
        default: return nil
        }
    }

    /// The HTTP status of a service error, also when wrapped.
    public var status: Int? {
        switch self {
        case let .service(_, _, status, _): return status
        case let .retriesExhausted(last, _): return last.status
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case let .service(code, message, status, requestId):
            let request = requestId.map { ", request id \($0)" } ?? ""
            let text = message.isEmpty ? "" : ": \(message)"
            return "AWS error \(code) (HTTP \(status)\(request))\(text)\(hint(for: code))"
        case let .transport(error):
            return "AWS request failed: \(error)"
        case let .credentials(text):
            return "AWS credentials: \(text)"
        case let .invalidResponse(text):
            return "unexpected AWS response: \(text)"
        case let .configuration(text):
            return "AWS configuration: \(text)"
        case let .retriesExhausted(last, attempts):
            return "gave up after \(attempts) attempts; last error: \(last)"
        }
    }

    private func hint(for code: String) -> String {
        switch code {
        case "AccessDenied", "AccessDeniedException", "Forbidden":
            return "; check the IAM policy of the credentials in use"
        case "UnrecognizedClientException", "InvalidAccessKeyId", "InvalidClientTokenId":
            return "; the access key id is unknown to AWS, check the credentials"
        case "ExpiredToken", "ExpiredTokenException":
            return "; the session token has expired, refresh the credentials"
        case "SignatureDoesNotMatch", "InvalidSignatureException":
            return "; check the secret access key and the system clock"
        default:
            return ""
        }
    }
}
