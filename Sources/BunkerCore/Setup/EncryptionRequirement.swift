import BunkerAWS
import Foundation

/// The default encryption Bunker wants on a snapshot bucket: SSE-KMS with the configured
/// key and S3 Bucket Keys on (pure, no I/O).
///
/// Bunker encrypts every archive itself; the bucket default is a second layer that also
/// covers anything else written to the bucket. Limits: a key is only recognised as the
/// same when it is spelled the same, or as a key ARN against its bare id; an alias never
/// matches a key id, because telling them apart would need a KMS call.
enum EncryptionRequirement {
    /// The configuration Bunker writes.
    static func wanted(kmsKeyId: String) -> S3Client.BucketEncryption {
        S3Client.BucketEncryption(algorithm: "aws:kms", kmsKeyId: kmsKeyId, bucketKeyEnabled: true)
    }

    /// Whether `current` is SSE-KMS with `kmsKeyId` and bucket keys on.
    static func isRight(_ current: S3Client.BucketEncryption?, kmsKeyId: String) -> Bool {
        guard let current, current.algorithm == "aws:kms", current.bucketKeyEnabled,
            let key = current.kmsKeyId
        else { return false }
        return sameKey(key, kmsKeyId)
    }

    /// Whether two spellings of a KMS key name the same key: equal, or an
    /// `arn:…:key/ID` against `ID`.
    static func sameKey(_ first: String, _ second: String) -> Bool {
        if first == second { return true }
        func bareId(_ key: String) -> String? {
            guard key.hasPrefix("arn:"), let slash = key.range(of: ":key/") else { return nil }
            return String(key[slash.upperBound...])
        }
        return bareId(first) == second || bareId(second) == first
    }

    /// `SSE-KMS with key K, bucket key on`, `SSE-S3 (AES256)`, `none`.
    static func describe(_ encryption: S3Client.BucketEncryption?) -> String {
        guard let encryption else { return "none" }
        let bucketKey = encryption.bucketKeyEnabled ? "bucket key on" : "bucket key off"
        switch encryption.algorithm {
        case "AES256":
            return "SSE-S3 (AES256)"
        case "aws:kms":
            return "SSE-KMS with key \(encryption.kmsKeyId ?? "aws/s3 (AWS managed)"), \(bucketKey)"
        case let other:
            return "\(other) with key \(encryption.kmsKeyId ?? "(none)"), \(bucketKey)"
        }
    }
}
