/// What `bunker init` makes sure of for one snapshot bucket.
///
/// The fixed parts (versioning, Block Public Access, the lifecycle rule, the TLS-only
/// statement) are always required; these fields are the parts that come from the
/// configuration and the retention policy.
public struct BucketRequirements: Sendable, Equatable {
    /// The bucket name.
    public var bucket: String
    /// The region the bucket must be in (and is created in).
    public var region: String
    /// The KMS key for the bucket's default SSE-KMS encryption (id, ARN or alias, spelled
    /// as S3 should store it; see docs/SETUP.md on how keys are compared).
    public var kmsKeyId: String
    /// Whether S3 Object Lock must be on (the retention policy has a `lock`).
    public var objectLock: Bool
    /// Whether the TLS-only bucket policy statement is applied. False when Bunker itself
    /// reaches S3 over plain HTTP (an `http://` endpoint override, such as an emulator):
    /// the statement would then refuse Bunker's own requests.
    public var denyInsecureTransport: Bool

    public init(
        bucket: String, region: String, kmsKeyId: String, objectLock: Bool,
        denyInsecureTransport: Bool = true
    ) {
        self.bucket = bucket
        self.region = region
        self.kmsKeyId = kmsKeyId
        self.objectLock = objectLock
        self.denyInsecureTransport = denyInsecureTransport
    }
}
