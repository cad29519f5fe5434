/// Switches that differ between S3 and the other AWS services.
public struct SigV4Options: Sendable {
    /// Remove `.` and `..` segments and repeated slashes from the path before encoding it.
    /// True for every service except S3.
    public var normalizePath: Bool

    /// True: the path is treated as raw text and every byte except the RFC 3986 unreserved
    /// characters and `/` is percent-encoded, so an existing `%3D` becomes `%253D` (generic
    /// services). False: the path is already encoded once (S3); existing escapes are kept and
    /// only bytes that should have been escaped are (`$` becomes `%24`).
    public var encodePath: Bool

    /// Add `x-amz-content-sha256` carrying the payload hash and sign it (S3, header signing
    /// only; presigned queries never carry it).
    public var addContentSHA256Header: Bool

    /// Add the session token only after signing, so it is sent but not signed. Only a few
    /// services (IoT) want this.
    public var omitSessionToken: Bool

    /// Options from their parts; the defaults are the generic (non-S3) service rules.
    public init(
        normalizePath: Bool = true,
        encodePath: Bool = true,
        addContentSHA256Header: Bool = false,
        omitSessionToken: Bool = false
    ) {
        self.normalizePath = normalizePath
        self.encodePath = encodePath
        self.addContentSHA256Header = addContentSHA256Header
        self.omitSessionToken = omitSessionToken
    }

    /// The S3 rules: path not normalized and encoded only once, `x-amz-content-sha256` signed.
    public static let s3 = SigV4Options(
        normalizePath: false, encodePath: false, addContentSHA256Header: true)
}
