import Foundation

extension S3Client {
    /// The bucket policy of `bucket` as the JSON text S3 holds, or nil when there is none
    /// (`GetBucketPolicy`, `s3:GetBucketPolicy`).
    ///
    /// AWS may return the document reformatted (white space, one-element arrays as plain
    /// strings); compare policies by meaning, not by bytes.
    public func bucketPolicy(_ bucket: String) throws -> Data? {
        let body = try configuration(
            "GetBucketPolicy", bucket: bucket, "policy", notConfigured: ["NoSuchBucketPolicy"])
        guard let body else { return nil }
        return body.isEmpty ? nil : body
    }

    /// Replaces the **whole** bucket policy of `bucket` with `policy` (a JSON document)
    /// (`PutBucketPolicy`, `s3:PutBucketPolicy`).
    ///
    /// - Important: Statements not in `policy` are deleted. Read the current policy with
    ///   ``bucketPolicy(_:)`` and change it, never write a fresh one over it.
    /// - Throws: ``AWSError``; `MalformedPolicy` when S3 rejects the document,
    ///   `AccessDenied` when Block Public Access forbids a public statement in it.
    public func putBucketPolicy(_ bucket: String, policy: Data) throws {
        try putConfiguration(
            "PutBucketPolicy", bucket: bucket, "policy", body: policy,
            contentType: "application/json")
    }
}
