import Foundation

/// Checks a stored snapshot end to end without trusting anything in it first.
///
/// Downloads the archive, checks its size and SHA-256 against the catalog,
/// unwraps the data key through KMS, authenticates every envelope chunk, unpacks
/// the tar stream in memory and checks every document's keyed digest against the
/// manifest — and that no entry is missing or extra.
public struct SnapshotVerifier {
    /// What a successful verification saw.
    public struct Report: Codable, Equatable, Sendable {
        public var id: String
        public var time: String
        public var secretCount: Int
        public var versionCount: Int
        public var entriesChecked: Int
        public var size: Int
        public var partial: Bool
        public var verified: Bool
    }

    public let reader: SnapshotReader

    public init(reader: SnapshotReader) { self.reader = reader }

    /// Verifies one snapshot; throws ``BunkerError/verificationFailed(id:reason:)`` on any problem.
    public func verify(_ entry: CatalogEntry) throws -> Report {
        let contents = try reader.contents(entry) { _ in false }
        let manifest = contents.manifest
        return Report(
            id: entry.id, time: entry.time, secretCount: manifest.secrets.count,
            versionCount: manifest.versionCount, entriesChecked: manifest.secrets.count + 1,
            size: entry.size, partial: manifest.isPartial, verified: true)
    }
}
