/// Fixed strings of the SigV4 protocol.
public enum SigV4Constants {
    /// The algorithm name that starts the string to sign and the `Authorization` value.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// SHA-256 of the empty string: the payload hash of a request without a body.
    public static let emptyPayloadHash =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The payload hash S3 accepts when the body is not signed (presigned URLs).
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The last element of every credential scope.
    static let terminator = "aws4_request"

    /// Headers that are never signed: proxies and libcurl add, drop or rewrite them.
    static let unsignedHeaderNames: Set<String> = [
        "expect", "transfer-encoding", "user-agent", "x-amzn-trace-id", "connection",
        "authorization",
    ]
}
