/// Chooses the KMS key a restored secret is created with.
///
/// In the source region the snapshot's key is kept unless `restore.kmsKeys` names a
/// replacement. In another region a customer key must be mapped (an ARN or alias of the
/// source region means nothing there): by its exact id, ARN or alias, else by `"*"`.
/// The default key (no key, or `alias/aws/secretsmanager`) is kept everywhere.
public struct KMSKeyMapping: Sendable {
    /// Per target region, source key to target key.
    public let table: [String: [String: String]]
    public let sourceRegion: String

    public init(table: [String: [String: String]], sourceRegion: String) {
        self.table = table
        self.sourceRegion = sourceRegion
    }

    /// The key for a secret that used `keyId` in the source region, when restored into
    /// `region`; nil means the account's default key.
    ///
    /// - Throws: ``BunkerError/unmappedKMSKey(keyId:region:)`` when restoring into another
    ///   region and nothing maps the key.
    public func key(for keyId: String?, in region: String) throws -> String? {
        let mapped = table[region]
        guard let keyId, keyId != "alias/aws/secretsmanager" else { return keyId }
        if let exact = mapped?[keyId] { return exact }
        if region == sourceRegion { return mapped?["*"] ?? keyId }
        if let fallback = mapped?["*"] { return fallback }
        throw BunkerError.unmappedKMSKey(keyId: keyId, region: region)
    }
}
