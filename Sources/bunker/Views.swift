import BunkerCore

/// One row of `snapshots --json`.
struct SnapshotListing: Encodable {
    let id: String
    let time: String
    let secrets: Int
    let versions: Int
    let failedSecrets: Int
    let size: Int
    let partial: Bool

    init(_ entry: CatalogEntry) {
        id = entry.id
        time = entry.time
        secrets = entry.secretCount
        versions = entry.versionCount
        failedSecrets = entry.failedSecretCount
        size = entry.size
        partial = entry.isPartial
    }
}

/// `show --json`: the manifest without digests and without values.
struct ManifestView: Encodable {
    struct Secret: Encodable {
        let name: String
        let arn: String
        let scheduledForDeletion: Bool
        let tags: [String: String]
        let versions: [Version]
    }

    struct Version: Encodable {
        let id: String
        let stages: [String]
        let created: String?
        /// `captured`, `carriedForward` or `unavailable`.
        let value: String
    }

    let id: String
    let time: String
    let partial: Bool
    let secrets: [Secret]
    let failures: [Manifest.Failure]

    init(_ manifest: Manifest) {
        id = manifest.id
        time = manifest.time
        partial = manifest.isPartial
        failures = manifest.failures
        secrets = manifest.secrets.map { entry in
            Secret(
                name: entry.name, arn: entry.arn, scheduledForDeletion: entry.scheduledForDeletion,
                tags: Dictionary(
                    entry.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a }),
                versions: entry.versions.map {
                    Version(id: $0.id, stages: $0.stages, created: $0.created,
                            value: $0.valueSource.rawValue)
                })
        }
    }
}
