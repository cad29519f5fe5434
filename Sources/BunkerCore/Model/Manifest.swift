import Foundation

/// The table of contents of a snapshot archive (`manifest.json`, the last entry).
///
/// It holds names, labels and keyed digests, never values.
public struct Manifest: Codable, Equatable, Sendable {
    public static let currentFormat = 1

    public struct Entry: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String
        /// Path of the secret's document inside the archive.
        public var document: String
        /// HMAC-SHA256 of the document bytes under a key derived from the data key
        /// (hex). Keyed, so it reveals nothing about values without the data key.
        public var digest: String
        public var scheduledForDeletion: Bool
        public var tags: [SecretDocument.Tag]
        public var versions: [VersionSummary]
    }

    public struct VersionSummary: Codable, Equatable, Sendable {
        public var id: String
        public var stages: [String]
        public var created: String?
        public var valueSource: SecretVersionRecord.ValueSource
    }

    /// A secret that could not be captured, and why.
    public struct Failure: Codable, Equatable, Sendable {
        public var name: String
        public var arn: String?
        public var error: String
    }

    public var format: Int
    public var id: String
    public var time: String
    public var sourceRegion: String
    public var selector: [String: String]
    public var secrets: [Entry]
    public var failures: [Failure]

    public var isPartial: Bool { !failures.isEmpty }
    public var versionCount: Int { secrets.reduce(0) { $0 + $1.versions.count } }
}
