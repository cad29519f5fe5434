import Foundation

/// A failure below the HTTP layer: the request got no complete response.
///
/// HTTP error statuses (4xx, 5xx) are not errors here; they come back as an
/// ``HTTPResponse``. Descriptions name the host or URL only, never headers or
/// bodies, because those can carry credentials and secret values.
public enum HTTPError: Error, CustomStringConvertible {
    /// The host could not be resolved or the TCP connection was refused or failed.
    case connect(host: String, message: String)

    /// The request took longer than a configured limit (total, connect or low-speed);
    /// `seconds` is how long it ran before libcurl gave up. `url` has no query string.
    case timeout(url: String, seconds: TimeInterval)

    /// Any other libcurl failure, with its `CURLcode` and libcurl's message.
    case network(code: Int, message: String)

    /// The TLS handshake or certificate verification failed.
    case tls(message: String)

    /// The caller's body sink threw; the transfer was stopped and its error is kept.
    case aborted(underlying: Error)

    /// The request cannot be sent as given (bad scheme, host, path or header).
    case invalidRequest(String)

    /// Whether sending the same request again may succeed.
    ///
    /// True for connection failures, timeouts and dropped connections;
    /// false for TLS failures, aborted transfers and invalid requests.
    public var isRetryable: Bool {
        switch self {
        case .connect, .timeout:
            return true
        case let .network(code, _):
            return CurlErrorMapping.retryableNetworkCodes.contains(code)
        case .tls, .aborted, .invalidRequest:
            return false
        }
    }

    public var description: String {
        switch self {
        case let .connect(host, message):
            return "could not connect to \(host): \(message); "
                + "check the endpoint, DNS and network access"
        case let .timeout(url, seconds):
            let shown = String(format: "%.1f", seconds)
            return "request to \(url) timed out after \(shown) s; "
                + "the service or network is slow or unreachable"
        case let .network(code, message):
            return "network error (curl code \(code)): \(message)"
        case let .tls(message):
            return "TLS failure: \(message); check the system CA store or the CA bundle setting"
        case let .aborted(underlying):
            return "transfer stopped because the body sink failed: \(underlying)"
        case let .invalidRequest(message):
            return "invalid HTTP request: \(message)"
        }
    }
}
