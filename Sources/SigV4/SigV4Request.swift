/// The parts of an HTTP request that SigV4 signs.
///
/// The signer never changes the request; it returns what to add (headers or query
/// parameters) in a `SigV4Signature` or `SigV4PresignedQuery`.
public struct SigV4Request: Sendable {
    /// The HTTP method, upper case (`GET`, `PUT`, …), used as given.
    public var method: String

    /// The path exactly as it is sent on the wire; it may already be percent-encoded.
    /// How it is canonicalized depends on `SigV4Options.encodePath` and `normalizePath`.
    public var path: String

    /// The wire query without the leading `?` (`""` when there is none), already
    /// percent-encoded. A `+` here is a literal plus, not a space.
    public var query: String

    /// The headers as they will be sent, in order; names may repeat and any case is fine.
    /// Must include `Host`. A few transport headers are never signed (see `SigV4Signer`).
    public var headers: [(name: String, value: String)]

    /// A request from its wire parts.
    public init(
        method: String, path: String, query: String, headers: [(name: String, value: String)]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
    }
}
