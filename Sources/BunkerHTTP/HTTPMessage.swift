import Foundation

/// The body of a request. Bodies always have a known length, so libcurl never
/// falls back to chunked transfer encoding (which SigV4 and Object Lock reject).
public enum HTTPBody: Sendable {
    case empty
    case bytes(Data)

    /// Number of bytes that will be sent.
    public var count: Int {
        switch self {
        case .empty: return 0
        case let .bytes(data): return data.count
        }
    }
}

/// One HTTP request, described by the exact bytes that go on the wire.
///
/// `path` and `query` are already percent-encoded; the transport sends them
/// unchanged (no dot-segment squashing, no re-encoding), so a signature
/// computed over them stays valid.
public struct HTTPRequest: Sendable {
    public var method: String
    public var scheme: String
    public var host: String
    public var port: Int?
    /// Percent-encoded path, starting with `/`.
    public var path: String
    /// Percent-encoded query without the leading `?`; empty when there is none.
    public var query: String
    /// Headers in the order they are sent. Names are case-insensitive.
    public var headers: [(name: String, value: String)]
    public var body: HTTPBody

    public init(
        method: String, scheme: String, host: String, port: Int? = nil,
        path: String = "/", query: String = "",
        headers: [(name: String, value: String)] = [], body: HTTPBody = .empty
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The value of the `Host` header: the host, plus the port when it is not the default.
    public var hostHeader: String {
        guard let port else { return host }
        let isDefault = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        return isDefault ? host : "\(host):\(port)"
    }

    /// The full URL as text, for libcurl and for log lines (never contains secrets).
    public var urlString: String {
        let authority = port.map { "\(host):\($0)" } ?? host
        return "\(scheme)://\(authority)\(path)" + (query.isEmpty ? "" : "?\(query)")
    }
}

/// A received response. When the caller streamed a successful body into a
/// sink, `body` is empty.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// Sends requests. Implementations must be safe to call from many threads at once.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and waits for the whole response.
    ///
    /// - Parameter bodySink: when given and the status is 2xx, the body is passed to it
    ///   piece by piece instead of being collected; throwing from the sink aborts the transfer.
    /// - Throws: ``HTTPError`` for network-level failures. HTTP error statuses are
    ///   returned as responses, not thrown.
    func send(_ request: HTTPRequest, bodySink: ((Data) throws -> Void)?) throws -> HTTPResponse
}
