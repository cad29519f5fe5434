/// The result of header signing.
public struct SigV4Signature: Sendable {
    /// The canonical request that was hashed (contains no secrets, but may contain the
    /// session token when one is signed; log only its hash).
    public let canonicalRequest: String

    /// The string to sign: algorithm, date, credential scope and canonical-request hash.
    public let stringToSign: String

    /// The signature, 64 lower-case hex digits.
    public let signature: String

    /// Headers to add to the request, in this order: `X-Amz-Date`, `x-amz-content-sha256`
    /// (when asked for), `X-Amz-Security-Token` (when there is a token) and `Authorization`.
    /// They contain credentials: never log their values.
    public let headersToAdd: [(name: String, value: String)]

    /// The value of the `Authorization` header.
    public var authorization: String {
        headersToAdd.first { $0.name == "Authorization" }?.value ?? ""
    }
}

/// The result of query signing (a presigned URL).
public struct SigV4PresignedQuery: Sendable {
    /// The complete wire query, without `?`: the request's own query followed by the
    /// `X-Amz-*` parameters, ending with `X-Amz-Signature`. Contains credentials.
    public let query: String

    /// The canonical request that was hashed.
    public let canonicalRequest: String

    /// The string to sign.
    public let stringToSign: String

    /// The signature, 64 lower-case hex digits.
    public let signature: String
}
