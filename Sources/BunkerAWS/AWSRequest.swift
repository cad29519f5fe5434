import Foundation

/// One AWS operation's request before signing.
public struct AWSRequest: Sendable {
    /// The HTTP method.
    public var method: String
    /// The percent-encoded path, after the endpoint's base path; starts with `/`.
    public var path: String
    /// The percent-encoded query without `?` (build values with `AWSURIEncoding.encode`).
    public var query: String
    /// Extra headers; `Host` and the signing headers are added by ``AWSClient``.
    public var headers: [(name: String, value: String)]
    /// The body (may be empty).
    public var body: Data
    /// A host that replaces the endpoint's (S3 virtual-hosted-style buckets).
    public var host: String?
    /// S3 can answer 200 with an `<Error>` body (CompleteMultipartUpload, CopyObject);
    /// when true such a body is treated as an error.
    public var errorMayHideIn200: Bool

    /// A request from its parts.
    public init(
        method: String, path: String = "/", query: String = "",
        headers: [(name: String, value: String)] = [], body: Data = Data(),
        host: String? = nil, errorMayHideIn200: Bool = false
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.host = host
        self.errorMayHideIn200 = errorMayHideIn200
    }
}

/// What happened in one attempt of one AWS call, for counting and pacing.
public struct RequestEvent: Sendable {
    /// The service called.
    public var service: AWSService
    /// The operation name (`ListSecrets`, `PutObject`, …).
    public var operation: String
    /// 1 for the first attempt.
    public var attempt: Int
    /// The HTTP status, nil when no response arrived.
    public var status: Int?
    /// The AWS error code of a failed attempt.
    public var errorCode: String?
    /// Whether the service asked us to slow down.
    public var isThrottle: Bool
    /// Whether the client will send the request again.
    public var willRetry: Bool
    /// Time from sending to the end of the response, in seconds.
    public var duration: TimeInterval
}

/// Called after every attempt; must be cheap and thread-safe.
public typealias RequestObserver = @Sendable (RequestEvent) -> Void

/// How a service reports errors in its responses.
public enum AWSErrorFormat: Sendable {
    /// JSON body with `__type` and `message` (Secrets Manager, KMS).
    case json
    /// REST-XML `<Error>` body, or none for HEAD (S3).
    case xml
}
