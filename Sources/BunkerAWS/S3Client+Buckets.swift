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
