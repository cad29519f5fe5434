import Foundation

extension S3Client {
    /// Creates `bucket` in the client's region (`us-east-1` takes no location constraint).
    ///
    /// - Parameter objectLockEnabled: Turn on S3 Object Lock, which can only be chosen at
    ///   creation (it also turns on versioning).
    /// - Returns: false when the bucket already exists and is owned by the caller.
    /// - Throws: ``AWSError``; `BucketAlreadyExists` when another account owns the name.
    @discardableResult
    public func createBucket(_ bucket: String, objectLockEnabled: Bool = false) throws -> Bool {
        var body = Data()
        if client.region != "us-east-1" {
            body = Data((
                "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(S3XML.escape(client.region))</LocationConstraint>"
                    + "</CreateBucketConfiguration>").utf8)
        }
        var headers: [(name: String, value: String)] = []
        if !body.isEmpty { headers.append(("Content-Type", "application/xml")) }
        if objectLockEnabled { headers.append(("x-amz-bucket-object-lock-enabled", "true")) }
        do {
            _ = try send(
                "CreateBucket", method: "PUT", bucket: bucket, key: nil, headers: headers,
                body: body)
            return true
        } catch let error as AWSError where error.code == "BucketAlreadyOwnedByYou" {
            return false
        }
    }
}

extension S3Client {
    /// One unfinished multipart upload.
    public struct MultipartUpload: Sendable, Equatable {
        public var key: String
        public var uploadId: String
        public var initiated: Date?
    }

    /// The unfinished multipart uploads under `prefix` (first 1000).
    public func listMultipartUploads(bucket: String, prefix: String) throws -> [MultipartUpload] {
        let response = try send(
            "ListMultipartUploads", method: "GET", bucket: bucket, key: nil,
            query: [("uploads", nil), ("prefix", prefix)])
        guard let root = XMLTree.parse(response.body) else {
            throw AWSError.invalidResponse("ListMultipartUploads returned no XML")
        }
        return root.children(named: "Upload").compactMap { upload in
            guard let key = upload.childText("Key"), let id = upload.childText("UploadId") else {
                return nil
            }
            return MultipartUpload(
                key: key, uploadId: id,
                initiated: upload.childText("Initiated").flatMap(
                    TemporaryCredentialsDocument.parseISO8601))
        }
    }
}
