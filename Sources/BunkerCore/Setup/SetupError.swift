import BunkerAWS

/// Why `bunker init` could not make a bucket item right; each description says what to do.
public enum SetupError: Error, CustomStringConvertible {
    /// `CreateBucket` answered `BucketAlreadyExists`: another account owns the name.
    case bucketNameTaken(bucket: String)
    /// `GetBucketLocation` was denied: another account owns the bucket, or the IAM policy
    /// lacks the action.
    case bucketAccessDenied(bucket: String, error: AWSError)
    /// The bucket exists in a region other than the configured one (`actual` when known).
    case bucketInOtherRegion(bucket: String, wanted: String, actual: String?)
    /// The retention policy needs Object Lock, the bucket has none, and S3 refused to
    /// turn it on.
    case objectLockUnavailable(bucket: String, reason: String)
    /// Object Lock can only be turned on once versioning is enabled, which failed.
    case versioningNeededForObjectLock(bucket: String)
    /// The bucket's policy cannot be read as a policy, so it is not rewritten.
    case unreadableBucketPolicy(bucket: String, reason: String)
    /// An S3 call failed; `action` says what Bunker was doing.
    case aws(bucket: String, action: String, error: AWSError)

    /// A stable code for scripts and exit codes (the case name).
    public var code: String {
        switch self {
        case .bucketNameTaken: return "bucketNameTaken"
        case .bucketAccessDenied: return "bucketAccessDenied"
        case .bucketInOtherRegion: return "bucketInOtherRegion"
        case .objectLockUnavailable: return "objectLockUnavailable"
        case .versioningNeededForObjectLock: return "versioningNeededForObjectLock"
        case .unreadableBucketPolicy: return "unreadableBucketPolicy"
        case .aws: return "awsError"
        }
    }

    /// Whether the operator must change the configuration or the bucket by hand (rather
    /// than retry or fix credentials).
    public var isConfigurationProblem: Bool {
        Self.isConfigurationProblem(code: code)
    }

    /// ``isConfigurationProblem`` for a ``code`` as a report carries it
    /// (``SetupItem/code``).
    public static func isConfigurationProblem(code: String) -> Bool {
        [
            "bucketNameTaken", "bucketAccessDenied", "bucketInOtherRegion",
            "objectLockUnavailable", "unreadableBucketPolicy",
        ].contains(code)
    }

    public var description: String {
        switch self {
        case let .bucketNameTaken(bucket):
            return "bucket \(bucket) belongs to another AWS account (bucket names are global); "
                + "choose another name in the config"
        case let .bucketAccessDenied(bucket, error):
            return "access to bucket \(bucket) was denied (\(error)): either the bucket belongs "
                + "to another AWS account (bucket names are global; choose another name in the "
                + "config) or the IAM policy in use lacks s3:GetBucketLocation (see "
                + "policies/iam/bunker-setup.json)"
        case let .bucketInOtherRegion(bucket, wanted, actual):
            let found = actual.map { "is in \($0)" } ?? "is in another region"
            return "bucket \(bucket) \(found), but the config says \(wanted); "
                + "correct the region in the config, or use a bucket in \(wanted)"
        case let .objectLockUnavailable(bucket, reason):
            return "bucket \(bucket) has no Object Lock and the retention policy asks for it; "
                + "S3 refused to turn it on (\(reason)). Turn Object Lock on for the bucket "
                + "by hand (it needs versioning), or point the config at a new bucket, which "
                + "init creates with Object Lock, or choose a retention policy without `lock`"
        case let .versioningNeededForObjectLock(bucket):
            return "Object Lock cannot be turned on for bucket \(bucket) because versioning "
                + "is not enabled; fix the versioning item first, then run init again"
        case let .unreadableBucketPolicy(bucket, reason):
            return "the bucket policy of \(bucket) cannot be read as a policy (\(reason)), so "
                + "init does not rewrite it; fix or delete it by hand, then run init again"
        case let .aws(bucket, action, error):
            return "could not \(action) of bucket \(bucket): \(error)"
        }
    }
}
