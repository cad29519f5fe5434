import Foundation

/// Settings shared by every request a ``CurlTransport`` sends.
///
/// TLS certificate and host-name checks are always on for `https`; there is
/// deliberately no switch to turn them off.
public struct HTTPConfiguration: Sendable {
    /// Longest time to wait for the TCP (and TLS) connection, in seconds.
    public var connectTimeout: TimeInterval

    /// Longest time one whole request may take, connection and body included,
    /// in seconds. Raise it for large uploads on slow links.
    public var requestTimeout: TimeInterval

    /// A transfer slower than this many bytes per second for `lowSpeedTime`
    /// seconds is abandoned as a timeout. `0` turns the check off.
    public var lowSpeedLimit: Int

    /// How long, in whole seconds, a transfer may stay under `lowSpeedLimit`.
    public var lowSpeedTime: TimeInterval

    /// A PEM file of trusted certificate authorities; `nil` uses the system store.
    public var caBundle: String?

    /// Sent as `User-Agent` unless the request carries its own.
    public var userAgent: String

    /// How many idle connections (libcurl easy handles) are kept for reuse.
    public var maxIdleConnections: Int

    public init(
        connectTimeout: TimeInterval = 5,
        requestTimeout: TimeInterval = 120,
        lowSpeedLimit: Int = 1,
        lowSpeedTime: TimeInterval = 30,
        caBundle: String? = nil,
        userAgent: String = "bunker/0.1",
        maxIdleConnections: Int = 8
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.caBundle = caBundle
        self.userAgent = userAgent
        self.maxIdleConnections = maxIdleConnections
    }
}
