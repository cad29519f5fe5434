import BunkerAWS
import BunkerEnvelope
import Foundation

/// Takes one snapshot: select, capture, archive, encrypt, upload, check, publish.
///
/// The snapshot becomes visible (its catalog record is written) only after the
/// archive is fully uploaded and — unless disabled — read back and verified.
/// Any failure before that leaves no catalog record, so nothing that looks like
/// a good snapshot. Secrets that cannot be read are reported in the manifest and
/// the run is marked partial.
public final class Snapshotter {
    /// Secrets captured per window; bounds memory to a window's values.
    static let windowSize = 200

    private let config: BunkerConfig
    private let services: AWSServices
    private let progress: ProgressReporter
    private let clock: () -> Date

    public init(
        config: BunkerConfig, services: AWSServices, progress: ProgressReporter,
        clock: @escaping () -> Date = Date.init
    ) {
        self.config = config
        self.services = services
        self.progress = progress
        self.clock = clock
    }

    /// Runs the snapshot and returns what was stored.
    public func run() throws -> SnapshotReport {
        let started = clock()
        let id = SnapshotID(date: started)
        let pacer = QuotaPacer(share: config.snapshot.quotaShare)
        let counter = services.observeSecretsManager(pacer: pacer)
        let secretsManager = try services.secretsManager(region: config.source.region)
        let pool = WorkPool(width: config.snapshot.concurrency)

        progress.update("listing secrets…", force: true)
        let lister = SecretLister(
            secretsManager: secretsManager, selector: TagSelector(required: config.source.tags),
            pacer: pacer)
        let selected = try lister.selectedSecrets { self.progress.update("listing secrets: \($0)") }
        guard !selected.isEmpty else { throw BunkerError.nothingSelected(tags: config.source.tags) }

        let store = try services.primaryStore(config)
        let lock = try WriteLock.forNewSnapshot(
            policy: try config.retentionPolicy(), store: store, createdAt: started, now: clock())
        let key = try services.kms(region: config.kmsRegion)
            .generateDataKey(
                keyId: config.kms.keyId,
                encryptionContext: EnvelopeHeader.encryptionContext(snapshotId: id.rawValue))
        var dataKey = key.plaintext
        defer { for index in dataKey.indices { dataKey[index] = 0 } }

        let slot = WrappedKeySlot(
            type: WrappedKeySlot.awsKMS, region: config.kmsRegion, keyId: key.keyId,
            encryptionContext: EnvelopeHeader.encryptionContext(snapshotId: id.rawValue),
            ciphertext: key.ciphertextBlob)
        let header = EnvelopeWriter.makeHeader(
            snapshotId: id.rawValue, createdAt: started, dataKey: dataKey, keys: [slot])
        let archiveKey = store.layout.archiveKey(id)
        let uploader = ArchiveUploader(
            s3: store.s3, bucket: store.bucket, key: archiveKey, objectLock: lock)

        do {
            let composer = try ArchiveComposer(
                header: header, dataKey: dataKey, created: started, sink: uploader.write)
            let capture = SecretCapture(secretsManager: secretsManager, pacer: pacer, pool: pool)
            let outcome = try captureAll(
                selected, capture: capture, composer: composer, store: store)
            guard !composer.entries.isEmpty else {
                throw BunkerError.allSecretsFailed(count: outcome.failures.count)
            }
            let manifest = Manifest(
                format: Manifest.currentFormat, id: id.rawValue,
                time: Timestamps.iso8601(started), sourceRegion: config.source.region,
                selector: config.source.tags, secrets: composer.entries,
                failures: outcome.failures)
            try composer.finish(manifest: manifest)

            progress.update("completing upload…", force: true)
            let stored = try uploader.finish()
            let entry = CatalogEntry(
                format: CatalogEntry.currentFormat, id: id.rawValue,
                time: Timestamps.iso8601(started), secretCount: manifest.secrets.count,
                versionCount: manifest.versionCount, failedSecretCount: manifest.failures.count,
                size: stored.size, sha256: stored.sha256, archiveKey: archiveKey,
                archiveVersionId: stored.versionId, kmsKeyId: key.keyId)

            if config.snapshot.verifyAfterUpload {
                progress.update("verifying the stored archive…", force: true)
                _ = try SnapshotVerifier(reader: services.reader(store: store)).verify(entry)
            }
            try store.publish(entry, objectLock: lock)
            progress.finish()
            return SnapshotReport(
                id: id.rawValue, time: entry.time, secretCount: entry.secretCount,
                versionCount: entry.versionCount, failedSecretCount: entry.failedSecretCount,
                size: entry.size, partial: entry.isPartial, failures: manifest.failures,
                carriedForwardVersions: outcome.carried, unavailableVersions: outcome.unavailable,
                secretsManagerRequests: counter.count,
                seconds: clock().timeIntervalSince(started))
        } catch {
            uploader.abort()
            progress.finish()
            if error is BunkerError { throw error }
            throw BunkerError.uploadFailed("\(error)")
        }
    }

    private struct CaptureOutcome {
        var failures: [Manifest.Failure] = []
        var carried = 0
        var unavailable = 0
    }

    /// Captures in windows, writing live secrets as they arrive; secrets scheduled
    /// for deletion are held back (metadata only) and written last with carried values.
    private func captureAll(
        _ selected: [SecretListEntry], capture: SecretCapture, composer: ArchiveComposer,
        store: SnapshotStore
    ) throws -> CaptureOutcome {
        var outcome = CaptureOutcome()
        var deferred: [SecretDocument] = []
        var done = 0
        for start in stride(from: 0, to: selected.count, by: Self.windowSize) {
            let window = Array(selected[start..<min(start + Self.windowSize, selected.count)])
            for result in capture.capture(window) {
                switch result {
                case let .captured(document) where document.scheduledForDeletion:
                    deferred.append(document)
                case let .captured(document):
                    outcome.unavailable += document.versions
                        .filter { $0.valueSource == .unavailable }.count
                    try composer.add(document)
                case let .failed(failure):
                    outcome.failures.append(failure)
                }
            }
            done += window.count
            progress.update("captured \(done)/\(selected.count) secrets")
        }
        let carry = CarryForward(
            store: store, reader: services.reader(store: store),
            lookback: config.snapshot.carryForwardLookback)
        for document in try carry.fill(deferred) {
            outcome.carried += document.versions.filter { $0.valueSource == .carriedForward }.count
            outcome.unavailable += document.versions.filter { $0.valueSource == .unavailable }.count
            try composer.add(document)
        }
        return outcome
    }
}
