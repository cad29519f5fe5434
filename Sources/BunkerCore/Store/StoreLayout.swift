/// Where a snapshot's objects live in a bucket.
///
/// Object keys carry only the snapshot id, never secret names.
public struct StoreLayout: Equatable, Sendable {
    public let prefix: String

    public init(prefix: String) { self.prefix = prefix }

    /// The encrypted archive.
    public func archiveKey(_ id: SnapshotID) -> String { "\(prefix)archives/\(id.rawValue).bkr" }

    /// The catalog record whose presence marks the snapshot as good.
    public func catalogKey(_ id: SnapshotID) -> String { "\(prefix)catalog/\(id.rawValue).json" }

    /// The prefix under which archives are listed.
    public var archivePrefix: String { "\(prefix)archives/" }

    /// The snapshot id of an archive key, or nil for keys that are not archives.
    public func snapshotID(fromArchiveKey key: String) -> SnapshotID? {
        guard key.hasPrefix(archivePrefix), key.hasSuffix(".bkr") else { return nil }
        return SnapshotID(String(key.dropFirst(archivePrefix.count).dropLast(".bkr".count)))
    }

    /// The prefix under which catalog records are listed.
    public var catalogPrefix: String { "\(prefix)catalog/" }

    /// The snapshot id of a catalog key, or nil for keys that are not catalog records.
    public func snapshotID(fromCatalogKey key: String) -> SnapshotID? {
        guard key.hasPrefix(catalogPrefix), key.hasSuffix(".json") else { return nil }
        let name = key.dropFirst(catalogPrefix.count).dropLast(".json".count)
        return SnapshotID(String(name))
    }
}
