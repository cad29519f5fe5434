import BunkerCrypto
import Foundation

/// Signs requests with AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for one service and
/// region.
///
/// Every header given is signed except `Expect`, `Transfer-Encoding`, `User-Agent`,
/// `X-Amzn-Trace-Id`, `Connection` and `Authorization`, which proxies and libcurl may add,
/// drop or rewrite. Headers the signer adds itself (`X-Amz-Date`, and
/// `X-Amz-Security-Token` / `x-amz-content-sha256` when it adds them) are ignored in the
/// request and replaced by its own values; do not send the originals as well.
///
/// Limits: the payload hash is taken as given (the signer never reads a body); only
/// single-chunk payloads (no `aws-chunked` streaming); no SigV4A. Thread-safe; derived
/// signing keys are cached per secret and day.
public struct SigV4Signer: Sendable {
    /// The signing name of the service (`s3`, `secretsmanager`, …).
    public let service: String

    /// The region (`us-east-1`, …).
    public let region: String

    private let keyCache: SigningKeyCache

    /// A signer for `service` in `region`.
    public init(service: String, region: String) {
        self.service = service
        self.region = region
        self.keyCache = SigningKeyCache(region: region, service: service)
    }

    /// Signs `request` for sending the signature in the `Authorization` header.
    ///
    /// - Parameters:
    ///   - request: The request as it will be sent; it must include `Host`.
    ///   - credentials: The credentials; a session token is sent as `X-Amz-Security-Token`.
    ///   - date: The signing time; AWS rejects signatures more than 5 minutes off.
    ///   - payloadHash: Lower-case hex SHA-256 of the body (`SigV4Constants.emptyPayloadHash`
    ///     when there is none) or `SigV4Constants.unsignedPayload` (S3 only).
    ///   - options: Service rules; `SigV4Options.s3` for S3.
    /// - Returns: The intermediate strings and the headers to add to the request.
    public func sign(
        _ request: SigV4Request, credentials: SigV4Credentials, date: Date,
        payloadHash: String, options: SigV4Options = SigV4Options()
    ) -> SigV4Signature {
        let time = SigV4Date(date)
        let token = Self.sessionToken(of: credentials)
        let signsToken = token != nil && !options.omitSessionToken

        var excluded: Set<String> = ["x-amz-date"]
        if token != nil { excluded.insert("x-amz-security-token") }
        if options.addContentSHA256Header { excluded.insert("x-amz-content-sha256") }

        var headers = CanonicalHeaders(request.headers, excluding: excluded)
        headers.add(name: "x-amz-date", value: time.amzDate)
        if options.addContentSHA256Header {
            headers.add(name: "x-amz-content-sha256", value: payloadHash)
        }
        if signsToken, let token {
            headers.add(name: "x-amz-security-token", value: token)
        }

        let query = CanonicalQuery.string(from: CanonicalQuery.parameters(fromWire: request.query))
        let canonicalRequest = Self.canonicalRequest(
            request, query: query, headers: headers, payloadHash: payloadHash, options: options)
        let (stringToSign, signature) = finish(canonicalRequest, secret: credentials, time: time)

        let authorization = SigV4Constants.algorithm
            + " Credential=\(credentials.accessKeyId)/\(scope(time))"
            + ", SignedHeaders=\(headers.signedHeaders), Signature=\(signature)"

        var headersToAdd: [(name: String, value: String)] = [("X-Amz-Date", time.amzDate)]
        if options.addContentSHA256Header {
            headersToAdd.append(("x-amz-content-sha256", payloadHash))
        }
        if let token {
            headersToAdd.append(("X-Amz-Security-Token", token))
        }
        headersToAdd.append(("Authorization", authorization))

        return SigV4Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: signature, headersToAdd: headersToAdd)
    }

    /// Signs `request` with query parameters, for a presigned URL.
    ///
    /// Only the request's own headers are signed (send exactly those). No header is added;
    /// `options.addContentSHA256Header` is ignored.
    ///
    /// - Parameters:
    ///   - request: The request as it will be sent; it must include `Host`.
    ///   - credentials: The credentials; a session token becomes `X-Amz-Security-Token`.
    ///   - date: The signing time, sent as `X-Amz-Date`.
    ///   - seconds: `X-Amz-Expires`, how long the URL is valid; AWS accepts 1 to 604800.
    ///   - payloadHash: Usually `SigV4Constants.unsignedPayload` for S3.
    ///   - options: Service rules; `SigV4Options.s3` for S3.
    /// - Returns: The full wire query to send and the intermediate strings.
    public func presign(
        _ request: SigV4Request, credentials: SigV4Credentials, date: Date,
        expiresIn seconds: Int, payloadHash: String,
        options: SigV4Options = SigV4Options()
    ) -> SigV4PresignedQuery {
        let time = SigV4Date(date)
        let token = Self.sessionToken(of: credentials)
        let headers = CanonicalHeaders(request.headers, excluding: [])

        var added: [CanonicalQuery.Parameter] = [
            CanonicalQuery.parameter("X-Amz-Algorithm", SigV4Constants.algorithm),
            CanonicalQuery.parameter(
                "X-Amz-Credential", "\(credentials.accessKeyId)/\(scope(time))"),
            CanonicalQuery.parameter("X-Amz-Date", time.amzDate),
            CanonicalQuery.parameter("X-Amz-Expires", String(seconds)),
            CanonicalQuery.parameter("X-Amz-SignedHeaders", headers.signedHeaders),
        ]
        let tokenParameter = token.map { CanonicalQuery.parameter("X-Amz-Security-Token", $0) }
        if let tokenParameter, !options.omitSessionToken {
            added.append(tokenParameter)
        }

        let own = CanonicalQuery.parameters(fromWire: request.query)
        let query = CanonicalQuery.string(from: own + added)
        let canonicalRequest = Self.canonicalRequest(
            request, query: query, headers: headers, payloadHash: payloadHash, options: options)
        let (stringToSign, signature) = finish(canonicalRequest, secret: credentials, time: time)

        if let tokenParameter, options.omitSessionToken {
            added.append(tokenParameter)
        }
        added.append(CanonicalQuery.parameter("X-Amz-Signature", signature))
        let wireParameters = CanonicalQuery.wire(added)
        let wire = request.query.isEmpty ? wireParameters : request.query + "&" + wireParameters

        return SigV4PresignedQuery(
            query: wire, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            signature: signature)
    }

    // MARK: - Steps shared by both modes

    private func scope(_ time: SigV4Date) -> String {
        "\(time.scopeDate)/\(region)/\(service)/\(SigV4Constants.terminator)"
    }

    /// The string to sign and the hex signature of a canonical request.
    private func finish(
        _ canonicalRequest: String, secret credentials: SigV4Credentials, time: SigV4Date
    ) -> (stringToSign: String, signature: String) {
        let stringToSign = [
            SigV4Constants.algorithm, time.amzDate, scope(time),
            SHA256.hexDigest(canonicalRequest),
        ].joined(separator: "\n")

        let key = keyCache.key(secret: credentials.secretAccessKey, scopeDate: time.scopeDate)
        let signature = Hex.encode(HMACSHA256.authenticate(key: key, message: stringToSign))
        return (stringToSign, signature)
    }

    private static func canonicalRequest(
        _ request: SigV4Request, query: String, headers: CanonicalHeaders,
        payloadHash: String, options: SigV4Options
    ) -> String {
        [
            request.method,
            CanonicalPath.make(request.path, options: options),
            query,
            headers.block,
            headers.signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
    }

    /// The session token, or nil when there is none or it is empty.
    private static func sessionToken(of credentials: SigV4Credentials) -> String? {
        guard let token = credentials.sessionToken, !token.isEmpty else { return nil }
        return token
    }
}
