import BunkerArchive
import BunkerCrypto
import BunkerEnvelope
import Foundation

/// Writes a snapshot's archive: one JSON document per secret, then `manifest.json`,
/// as tar.gz, encrypted into the envelope format, handed on to a byte sink.
///
/// Documents are encoded, digested and streamed one at a time; only the manifest
/// (names and labels, no values) grows with the number of secrets.
final class ArchiveComposer {
    private let tar: TarGzWriter
    private let envelope: EnvelopeWriter
    private let digestKey: [UInt8]
    private let encoder: JSONEncoder
    private let modified: Date
    private(set) var entries: [Manifest.Entry] = []

    init(header: EnvelopeHeader, dataKey: [UInt8], created: Date,
         sink: @escaping (Data) throws -> Void) throws {
        let envelope = try EnvelopeWriter(header: header, dataKey: dataKey, sink: sink)
        self.envelope = envelope
        tar = TarGzWriter(sink: { try envelope.write($0) })
        digestKey = EntryDigest.key(dataKey: dataKey)
        encoder = EntryDigest.documentEncoder()
        modified = created
    }

    /// Adds one secret's document and records it for the manifest.
    func add(_ document: SecretDocument) throws {
        let path = String(format: "secrets/%06d.json", entries.count + 1)
        let bytes = try encoder.encode(document)
        try tar.addFile(path: path, contents: bytes, modified: modified)
        entries.append(Manifest.Entry(
            name: document.name, arn: document.arn, document: path,
            digest: EntryDigest.digest(bytes, key: digestKey),
            scheduledForDeletion: document.scheduledForDeletion, tags: document.tags,
            versions: document.versions.map {
                Manifest.VersionSummary(
                    id: $0.id, stages: $0.stages, created: $0.created, valueSource: $0.valueSource)
            }))
    }

    /// Writes the manifest and closes the tar stream and the envelope.
    func finish(manifest: Manifest) throws {
        let bytes = try encoder.encode(manifest)
        try tar.addFile(path: EntryDigest.manifestPath, contents: bytes, modified: modified)
        try tar.finish()
        try envelope.finish()
    }
}

/// Keyed digests of archive entries.
///
/// The digest key is derived from the snapshot's data key, so digests reveal
/// nothing about values to anyone without that key.
enum EntryDigest {
    static let manifestPath = "manifest.json"

    static func key(dataKey: [UInt8]) -> [UInt8] {
        HMACSHA256.authenticate(key: dataKey, message: "bunker/v1/entry-digest")
    }

    static func digest(_ bytes: Data, key: [UInt8]) -> String {
        Hex.encode(HMACSHA256.authenticate(key: key, message: bytes))
    }

    static func documentEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dataEncodingStrategy = .base64
        return encoder
    }
}
