import Foundation

extension S3Client {
    /// A bucket's versioning state as `GetBucketVersioning` reports it.
    public enum VersioningStatus: String, Sendable, Equatable {
        /// Every write keeps the previous version.
        case enabled = "Enabled"
        /// Versioning was on and has been suspended; old versions remain.
        case suspended = "Suspended"
        /// Versioning was never turned on (S3 answers without a `Status`).
        case neverEnabled = "NeverEnabled"
    }

    /// A bucket's S3 Object Lock configuration.
    public struct ObjectLockConfiguration: Sendable, Equatable {
        /// Whether Object Lock is on (it cannot be turned off again).
        public var enabled: Bool
        /// The retention S3 gives objects written without one, if a rule is set.
        public var defaultRetention: DefaultRetention?

        public init(enabled: Bool, defaultRetention: DefaultRetention? = nil) {
            self.enabled = enabled
            self.defaultRetention = defaultRetention
        }
    }

    /// A bucket's default Object Lock retention rule.
    public struct DefaultRetention: Sendable, Equatable, CustomStringConvertible {
        /// `GOVERNANCE` or `COMPLIANCE`.
        public var mode: String
        /// The period in days, when given in days.
        public var days: Int?
        /// The period in years, when given in years.
        public var years: Int?

        public init(mode: String, days: Int? = nil, years: Int? = nil) {
            self.mode = mode
            self.days = days
            self.years = years
        }

        /// `GOVERNANCE for 30 days`, `COMPLIANCE for 1 year`.
        public var description: String {
            if let years { return "\(mode) for \(years) year\(years == 1 ? "" : "s")" }
            if let days { return "\(mode) for \(days) day\(days == 1 ? "" : "s")" }
            return mode
        }
    }

    /// A bucket's S3 Block Public Access settings (absent flags read as false).
    public struct PublicAccessBlock: Sendable, Equatable {
        public var blockPublicAcls: Bool
        public var ignorePublicAcls: Bool
        public var blockPublicPolicy: Bool
        public var restrictPublicBuckets: Bool

        public init(
            blockPublicAcls: Bool, ignorePublicAcls: Bool, blockPublicPolicy: Bool,
            restrictPublicBuckets: Bool
        ) {
            self.blockPublicAcls = blockPublicAcls
            self.ignorePublicAcls = ignorePublicAcls
            self.blockPublicPolicy = blockPublicPolicy
            self.restrictPublicBuckets = restrictPublicBuckets
        }

        /// All four flags on.
        public static let allBlocked = PublicAccessBlock(
            blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true,
            restrictPublicBuckets: true)

        /// The S3 names of the flags, each with its value, in S3's order.
        public var flags: [(name: String, value: Bool)] {
            [
                ("BlockPublicAcls", blockPublicAcls), ("IgnorePublicAcls", ignorePublicAcls),
                ("BlockPublicPolicy", blockPublicPolicy),
                ("RestrictPublicBuckets", restrictPublicBuckets),
            ]
        }
    }

    /// A bucket's default encryption (the first rule of its configuration).
    public struct BucketEncryption: Sendable, Equatable {
        /// `AES256` (SSE-S3), `aws:kms` (SSE-KMS) or `aws:kms:dsse` (DSSE-KMS).
        public var algorithm: String
        /// The KMS key as configured (id, ARN or alias), for the KMS algorithms.
        public var kmsKeyId: String?
        /// Whether S3 Bucket Keys are on (fewer KMS calls).
        public var bucketKeyEnabled: Bool

        public init(algorithm: String, kmsKeyId: String? = nil, bucketKeyEnabled: Bool = false) {
            self.algorithm = algorithm
            self.kmsKeyId = kmsKeyId
            self.bucketKeyEnabled = bucketKeyEnabled
        }
    }
}
