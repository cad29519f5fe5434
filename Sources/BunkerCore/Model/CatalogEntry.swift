import Foundation

/// The record that makes a snapshot visible: `<prefix>catalog/<id>.json`.
///
/// Written only after the archive is uploaded and checked, so its presence means
/// "good snapshot". It carries counts and object facts, no secret names.
public struct CatalogEntry: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public var format: Int
    public var id: String
    public var time: String
    public var secretCount: Int
    public var versionCount: Int
    public var failedSecretCount: Int
    /// Size of the stored (encrypted) archive in bytes.
    public var size: Int
    /// SHA-256 (hex) of the stored archive bytes, checked on every download.
    public var sha256: String
    /// Object key of the archive in the store bucket.
    public var archiveKey: String
    /// S3 version id of the archive, when the bucket is versioned.
    public var archiveVersionId: String?
    /// The KMS key that wrapped the data key.
    public var kmsKeyId: String

    public var isPartial: Bool { failedSecretCount > 0 }
}
