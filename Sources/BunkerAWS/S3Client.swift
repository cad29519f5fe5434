import BunkerCrypto
import BunkerHTTP
import Foundation

/// Typed S3 operations over an ``AWSClient`` (REST-XML, SigV4 with S3 rules).
///
/// Uploads carry `x-amz-checksum-sha256` so S3 verifies the bytes, and the signed
/// `x-amz-content-sha256` is the real body hash. Keys may hold any characters, including
/// `+`, spaces, `//` and `.`/`..` segments: the wire path is exactly the signed path.
/// Limits: single `PutObject` up to 5 GiB (use multipart above ~100 MiB); bodies are
/// held in memory.
public struct S3Client: Sendable {
    /// The underlying client (service `.s3`).
    public let client: AWSClient

    /// Wraps `client`, which must be for ``AWSService/s3``.
    public init(client: AWSClient) {
        self.client = client
    }

    /// Uploads one object.
    ///
    /// - Parameters:
    ///   - ifNoneMatch: Send `If-None-Match: *` so an existing key is never overwritten
    ///     (S3 answers `PreconditionFailed`).
    ///   - objectLock: Retention for buckets with Object Lock.
    public func putObject(
        bucket: String, key: String, body: Data, contentType: String = "application/octet-stream",
        ifNoneMatch: Bool = false, objectLock: S3ObjectLock? = nil
    ) throws -> S3WriteResult {
        var headers: [(name: String, value: String)] = [("Content-Type", contentType)]
        headers += checksumHeaders(body)
        if ifNoneMatch { headers.append(("If-None-Match", "*")) }
        headers += lockHeaders(objectLock)
        let response = try send(
            "PutObject", method: "PUT", bucket: bucket, key: key, headers: headers, body: body)
        return writeResult(response)
    }

    /// Starts a multipart upload with SHA-256 part checksums; returns the upload id.
    public func createMultipartUpload(
        bucket: String, key: String, contentType: String = "application/octet-stream",
        objectLock: S3ObjectLock? = nil
    ) throws -> String {
        var headers: [(name: String, value: String)] = [
            ("Content-Type", contentType), ("x-amz-checksum-algorithm", "SHA256"),
        ]
        headers += lockHeaders(objectLock)
        let response = try send(
            "CreateMultipartUpload", method: "POST", bucket: bucket, key: key,
            query: [("uploads", nil)], headers: headers)
        guard let root = XMLTree.parse(response.body),
            let uploadId = root.childText("UploadId"), !uploadId.isEmpty
        else {
            throw AWSError.invalidResponse("CreateMultipartUpload returned no UploadId")
        }
        return uploadId
    }

    /// Uploads part `partNumber` (1…10000; all but the last at least 5 MiB).
    public func uploadPart(
        bucket: String, key: String, uploadId: String, partNumber: Int, body: Data
    ) throws -> S3CompletedPart {
        let checksum = Self.base64SHA256(body)
        let response = try send(
            "UploadPart", method: "PUT", bucket: bucket, key: key,
            query: [("partNumber", String(partNumber)), ("uploadId", uploadId)],
            headers: checksumHeaders(body, checksum: checksum), body: body)
        guard let etag = response.header("ETag") else {
            throw AWSError.invalidResponse("UploadPart returned no ETag")
        }
        return S3CompletedPart(
            partNumber: partNumber, etag: etag,
            checksumSHA256: response.header("x-amz-checksum-sha256") ?? checksum)
    }

    /// Finishes a multipart upload. S3 may report errors inside a 200 body; they are
    /// detected and retried.
    public func completeMultipartUpload(
        bucket: String, key: String, uploadId: String, parts: [S3CompletedPart],
        ifNoneMatch: Bool = false
    ) throws -> S3WriteResult {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/xml")]
        if ifNoneMatch { headers.append(("If-None-Match", "*")) }
        let response = try send(
            "CompleteMultipartUpload", method: "POST", bucket: bucket, key: key,
            query: [("uploadId", uploadId)], headers: headers,
            body: S3XML.completeBody(parts), errorMayHideIn200: true)
        var result = writeResult(response)
        if let root = XMLTree.parse(response.body) {
            result.etag = result.etag ?? root.childText("ETag")
            result.checksumSHA256 = result.checksumSHA256 ?? root.childText("ChecksumSHA256")
        }
        return result
    }

    /// Abandons a multipart upload and frees its parts.
    public func abortMultipartUpload(bucket: String, key: String, uploadId: String) throws {
        _ = try send(
            "AbortMultipartUpload", method: "DELETE", bucket: bucket, key: key,
            query: [("uploadId", uploadId)])
    }

    /// Streams an object's bytes into `bodySink` and returns its headers' facts.
    ///
    /// Not retried once bytes have reached the sink; restart from scratch in that case.
    @discardableResult
    public func getObject(
        bucket: String, key: String, versionId: String? = nil,
        bodySink: @escaping (Data) throws -> Void
    ) throws -> S3ObjectInfo {
        let response = try send(
            "GetObject", method: "GET", bucket: bucket, key: key,
            query: versionId.map { [("versionId", $0)] } ?? [],
            headers: [("x-amz-checksum-mode", "ENABLED")], sink: bodySink)
        return objectInfo(response)
    }

    /// A small object's whole body, collected in memory (catalogs, manifests).
    public func getObject(bucket: String, key: String, versionId: String? = nil) throws -> Data {
        var collected = Data()
        try getObject(bucket: bucket, key: key, versionId: versionId) { collected.append($0) }
        return collected
    }

    /// The object's facts, or nil when it does not exist.
    public func headObject(
        bucket: String, key: String, versionId: String? = nil
    ) throws -> S3ObjectInfo? {
        do {
            let response = try send(
                "HeadObject", method: "HEAD", bucket: bucket, key: key,
                query: versionId.map { [("versionId", $0)] } ?? [],
                headers: [("x-amz-checksum-mode", "ENABLED")])
            return objectInfo(response)
        } catch let error as AWSError where error.status == 404 {
            return nil
        }
    }

    /// One page of keys under `prefix` (up to `maxKeys`, at most 1000).
    public func listObjectsV2(
        bucket: String, prefix: String? = nil, delimiter: String? = nil,
        continuationToken: String? = nil, maxKeys: Int = 1000
    ) throws -> S3ListPage {
        var query: [(String, String?)] = [("list-type", "2"), ("max-keys", String(maxKeys))]
        if let prefix { query.append(("prefix", prefix)) }
        if let delimiter { query.append(("delimiter", delimiter)) }
        if let continuationToken { query.append(("continuation-token", continuationToken)) }
        let response = try send(
            "ListObjectsV2", method: "GET", bucket: bucket, key: nil, query: query)
        return try S3XML.listPage(response.body)
    }

    /// Deletes an object (or one version of it). Deleting a missing key succeeds.
    public func deleteObject(bucket: String, key: String, versionId: String? = nil) throws {
        _ = try send(
            "DeleteObject", method: "DELETE", bucket: bucket, key: key,
            query: versionId.map { [("versionId", $0)] } ?? [])
    }

    /// Base64 of the SHA-256 of `data`, the `x-amz-checksum-sha256` form.
    public static func base64SHA256(_ data: Data) -> String {
        Data(SHA256.hash(data)).base64EncodedString()
    }

    func send(
        _ operation: String, method: String, bucket: String, key: String?,
        query: [(String, String?)] = [], headers: [(name: String, value: String)] = [],
        body: Data = Data(), errorMayHideIn200: Bool = false,
        sink: ((Data) throws -> Void)? = nil
    ) throws -> HTTPResponse {
        let address = S3Address.make(
            endpoint: client.endpoint, region: client.region, bucket: bucket, key: key)
        let request = AWSRequest(
            method: method, path: address.path, query: AWSURIEncodingBridge.query(query),
            headers: headers, body: body, host: address.host,
            errorMayHideIn200: errorMayHideIn200)
        return try client.send(
            operation: operation, request: request, errorFormat: .xml, bodySink: sink)
    }

    private func checksumHeaders(
        _ body: Data, checksum: String? = nil
    ) -> [(name: String, value: String)] {
        [
            ("x-amz-checksum-sha256", checksum ?? Self.base64SHA256(body)),
            ("x-amz-sdk-checksum-algorithm", "SHA256"),
        ]
    }

    private func lockHeaders(_ lock: S3ObjectLock?) -> [(name: String, value: String)] {
        guard let lock else { return [] }
        return [
            ("x-amz-object-lock-mode", lock.mode),
            ("x-amz-object-lock-retain-until-date", Self.lockDate(lock.retainUntil)),
        ]
    }

    private func writeResult(_ response: HTTPResponse) -> S3WriteResult {
        S3WriteResult(
            etag: response.header("ETag"), versionId: response.header("x-amz-version-id"),
            checksumSHA256: response.header("x-amz-checksum-sha256"))
    }

    private func objectInfo(_ response: HTTPResponse) -> S3ObjectInfo {
        var metadata: [String: String] = [:]
        for header in response.headers where header.name.lowercased().hasPrefix("x-amz-meta-") {
            metadata[String(header.name.lowercased().dropFirst("x-amz-meta-".count))] = header.value
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return S3ObjectInfo(
            size: Int64(response.header("Content-Length") ?? "") ?? 0,
            etag: response.header("ETag"), versionId: response.header("x-amz-version-id"),
            checksumSHA256: response.header("x-amz-checksum-sha256"), metadata: metadata,
            lastModified: response.header("Last-Modified").flatMap(formatter.date(from:)),
            lockMode: response.header("x-amz-object-lock-mode"),
            lockRetainUntil: response.header("x-amz-object-lock-retain-until-date").flatMap(
                TemporaryCredentialsDocument.parseISO8601))
    }
}
