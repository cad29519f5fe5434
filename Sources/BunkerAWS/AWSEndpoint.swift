/// Where requests for one service go.
public struct AWSEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// `https` or `http`.
    public var scheme: String
    /// Host name or address, without port.
    public var host: String
    /// Port when not the scheme's default.
    public var port: Int?
    /// A path prefix from the endpoint URL, without trailing slash (usually empty).
    public var basePath: String
    /// True when the endpoint came from configuration (emulators, VPC endpoints);
    /// S3 then uses path-style addressing.
    public var isCustom: Bool

    /// An endpoint from its parts.
    public init(
        scheme: String, host: String, port: Int? = nil, basePath: String = "",
        isCustom: Bool
    ) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.basePath = basePath
        self.isCustom = isCustom
    }

    /// The endpoint as a URL string.
    public var description: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "") + basePath
    }

    /// The `Host` header value for this endpoint (`host` or `host:port`).
    public var hostHeader: String {
        guard let port else { return host }
        let isDefault = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
        return isDefault ? host : "\(host):\(port)"
    }
}
