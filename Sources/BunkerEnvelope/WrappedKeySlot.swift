import Foundation

/// The data key wrapped by one key-management service (docs/FORMAT.md, section 2.2).
///
/// The envelope treats slots as opaque: they are not covered by chunk authentication, so a
/// slot can be added later by rewriting only the header. Whatever key a slot yields must pass
/// the key commitment check before any chunk is decrypted.
public struct WrappedKeySlot: Codable, Equatable, Sendable {
    /// Slot kind; `aws-kms` is the only type defined in format version 1.
    public var type: String
    /// AWS region of the wrapping key (may be empty for non-AWS slot types).
    public var region: String
    /// ARN of the KMS key that wrapped the data key.
    public var keyId: String
    /// KMS encryption context used to wrap; for `aws-kms` it must equal
    /// ``EnvelopeHeader/encryptionContext(snapshotId:)``.
    public var encryptionContext: [String: String]
    /// The wrapped key blob (KMS `CiphertextBlob`), base64 in JSON.
    public var ciphertext: Data

    /// The slot type for AWS KMS.
    public static let awsKMS = "aws-kms"

    public init(
        type: String, region: String, keyId: String,
        encryptionContext: [String: String], ciphertext: Data
    ) {
        self.type = type
        self.region = region
        self.keyId = keyId
        self.encryptionContext = encryptionContext
        self.ciphertext = ciphertext
    }
}
