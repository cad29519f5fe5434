import Foundation

/// Fills in values of secrets scheduled for deletion from earlier snapshots.
///
/// Secrets Manager refuses to return values of a secret scheduled for deletion,
/// so the newest earlier snapshot holding a version's value supplies it. The
/// version then records `carriedForward` and the snapshot it came from.
struct CarryForward {
    let store: SnapshotStore
    let reader: SnapshotReader
    let lookback: Int

    /// Returns the documents with every value it could find filled in.
    ///
    /// An earlier snapshot that cannot be read is skipped (an older one may still hold
    /// the value); a catalog that cannot be listed is an error, so that values are never
    /// silently marked unavailable because of a passing S3 failure.
    func fill(_ documents: [SecretDocument]) throws -> [SecretDocument] {
        var documents = documents
        guard lookback > 0, documents.contains(where: Self.missesValues) else { return documents }
        let catalog = try store.catalog()

        for entry in catalog.reversed().prefix(lookback) {
            guard documents.contains(where: Self.missesValues),
                  let earlier = try? reader.contents(entry)
            else { continue }
            let byArn = Dictionary(
                earlier.documents.map { ($0.arn, $0) }, uniquingKeysWith: { first, _ in first })
            for index in documents.indices where Self.missesValues(documents[index]) {
                guard let old = byArn[documents[index].arn] else { continue }
                documents[index].versions = documents[index].versions.map {
                    Self.fill($0, from: old, snapshot: entry.id)
                }
            }
        }
        return documents
    }

    private static func fill(
        _ version: SecretVersionRecord, from old: SecretDocument, snapshot: String
    ) -> SecretVersionRecord {
        guard version.valueSource == .unavailable,
              let source = old.versions.first(where: { $0.id == version.id }),
              source.valueSource != .unavailable
        else { return version }
        var filled = version
        filled.valueSource = .carriedForward
        filled.carriedFrom = source.carriedFrom ?? snapshot
        filled.unavailableReason = nil
        filled.secretString = source.secretString
        filled.secretBinary = source.secretBinary
        return filled
    }

    private static func missesValues(_ document: SecretDocument) -> Bool {
        document.scheduledForDeletion
            && document.versions.contains { $0.valueSource == .unavailable }
    }
}
