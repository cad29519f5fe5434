import BunkerAWS
import Foundation

/// What `bunker restore` was asked to do.
public struct RestoreRequest: Sendable {
    public var at: PointInTime
    public var selection: RestoreSelection
    /// Put before every name; empty for an in-place restore.
    public var prefix: String
    /// The target region; nil for the region the snapshot was taken in.
    public var region: String?

    public init(at: PointInTime, selection: RestoreSelection, prefix: String, region: String?) {
        self.at = at
        self.selection = selection
        self.prefix = prefix
        self.region = region
    }

    /// The tag every copy restored under a prefix carries, naming its snapshot; `snapshot`
    /// skips secrets that carry it, so drill copies are not backed up as if they were live.
    public static let restoredFromTag = "bunker:restored-from"

    /// Whether a secret scheduled for deletion in the snapshot is brought back: only when
    /// it was asked for by its exact name.
    func revives(_ name: String) -> Bool { selection.patterns.contains(name) }

    /// The document as it is restored: under a prefix, with the restored-from tag added.
    func copy(_ document: SecretDocument, from snapshot: String) -> SecretDocument {
        guard !prefix.isEmpty else { return document }
        var copy = document
        copy.tags.removeAll { $0.key == Self.restoredFromTag }
        copy.tags.append(SecretDocument.Tag(key: Self.restoredFromTag, value: snapshot))
        return copy
    }
}

/// A restore that has been planned and not yet carried out. Holds the snapshot's
/// documents (values included) in memory only.
public struct PreparedRestore: Sendable {
    public let snapshot: CatalogEntry
    public let request: RestoreRequest
    /// The region written to.
    public let region: String
    /// The region the snapshot was taken in.
    public let sourceRegion: String
    /// One plan per selected secret that could be planned.
    public let plans: [SecretPlan]
    /// Selected secrets that could not be planned, with the reason.
    public let failures: [(name: String, target: String, reason: String)]
    let documents: [String: SecretDocument]
    let preparedAt: Date

    /// Whether live secrets are overwritten (no prefix, same region).
    public var isInPlace: Bool { request.prefix.isEmpty && region == sourceRegion }

    /// How many secrets the plan changes.
    public var changeCount: Int { plans.filter(\.changesSomething).count }
}

/// Restores secrets as they were at a point in time.
///
/// ``prepare(_:)`` chooses the newest good snapshot at or before the requested time,
/// downloads and verifies all of it (a snapshot that fails is never used, and nothing is
/// written), selects the secrets, reads their live state and plans; it writes nothing.
/// ``execute(_:)`` carries the plans out, secret by secret and concurrently: one
/// secret's failure never stops the others.
public final class Restorer {
    private let config: BunkerConfig
    private let services: AWSServices
    private let progress: ProgressReporter
    private let clock: () -> Date
    private let sleep: (TimeInterval) -> Void
    private let pacer: QuotaPacer

    public init(
        config: BunkerConfig, services: AWSServices, progress: ProgressReporter,
        clock: @escaping () -> Date = Date.init,
        sleep: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.config = config
        self.services = services
        self.progress = progress
        self.clock = clock
        self.sleep = sleep
        pacer = QuotaPacer(share: config.snapshot.quotaShare)
        _ = services.observeSecretsManager(pacer: pacer)
    }

    /// Chooses, verifies and plans; writes nothing.
    ///
    /// - Throws: ``BunkerError`` when no snapshot fits the time, or the chosen one fails
    ///   verification, or the store cannot be read.
    public func prepare(_ request: RestoreRequest) throws -> PreparedRestore {
        progress.update("reading the catalog…", force: true)
        let store = try services.primaryStore(config)
        let entry = try request.at.select(from: try store.catalog())

        progress.update("downloading and verifying snapshot \(entry.id)…", force: true)
        let contents: SnapshotContents
        do {
            contents = try services.reader(store: store).contents(entry) { document in
                request.selection.matches(name: document.name, tags: document.tags)
            }
        } catch let error as BunkerError {
            throw BunkerError.unusableSnapshot(id: entry.id, reason: "\(error)")
        }

        let sourceRegion = contents.manifest.sourceRegion
        let region = request.region ?? sourceRegion
        let notCaptured = Self.notCaptured(contents.manifest, request: request, region: region)
        guard !contents.documents.isEmpty || !notCaptured.isEmpty
            || request.selection == .all
        else {
            throw BunkerError.secretNotInSnapshot(
                name: request.selection.summary, snapshot: entry.id,
                detail: "no secret matches")
        }
        let documents = contents.documents.map { request.copy($0, from: entry.id) }

        let client = try services.secretsManager(region: region)
        let reader = LiveSecretReader(client: client, pacer: pacer)
        let planner = RestorePlanner(sourceRegion: sourceRegion)
        let mapping = KMSKeyMapping(table: config.restore.kmsKeys, sourceRegion: sourceRegion)

        progress.update("reading \(documents.count) live secrets…", force: true)
        let results = WorkPool(width: config.snapshot.concurrency).map(documents) {
            document -> Result<SecretPlan, PlanningFailure> in
            let name = request.prefix + document.name
            do {
                let target = RestoreTarget(
                    name: name, region: region,
                    kmsKeyId: try mapping.key(for: document.kmsKeyId, in: region))
                return .success(planner.plan(
                    document, live: try reader.read(name), target: target,
                    reviveScheduled: request.revives(document.name)))
            } catch {
                return .failure(PlanningFailure(
                    name: document.name, target: name, reason: RestoreExecutor.describe(error)))
            }
        }
        progress.finish()

        var plans = notCaptured
        var failures: [(name: String, target: String, reason: String)] = []
        for result in results {
            switch result {
            case let .success(plan): plans.append(plan)
            case let .failure(failure):
                failures.append((failure.name, failure.target, failure.reason))
            }
        }
        return PreparedRestore(
            snapshot: entry, request: request, region: region, sourceRegion: sourceRegion,
            plans: plans, failures: failures,
            documents: Dictionary(documents.map { ($0.name, $0) }) { first, _ in first },
            preparedAt: clock())
    }

    /// Selected secrets the snapshot lists as not captured: skipped, with the reason, so a
    /// restore of a partial snapshot says what it cannot bring back. With `--tag` the
    /// failures' tags are unknown, so only a name selection reports them.
    private static func notCaptured(
        _ manifest: Manifest, request: RestoreRequest, region: String
    ) -> [SecretPlan] {
        guard request.selection.tags.isEmpty else { return [] }
        return manifest.failures
            .filter { request.selection.matches(name: $0.name, tags: []) }
            .map { failure in
                SecretPlan(
                    source: failure.name,
                    target: RestoreTarget(
                        name: request.prefix + failure.name, region: region, kmsKeyId: nil),
                    actions: [.skip],
                    reasons: ["not captured in this snapshot: \(failure.error); an earlier "
                        + "snapshot may hold it (`bunker snapshots`)"],
                    steps: [], notes: [])
            }
    }

    /// The report of a dry run: the plan, nothing executed.
    public func dryRunReport(_ prepared: PreparedRestore) -> RestoreReport {
        report(prepared, dryRun: true, outcomes: prepared.plans.map { plan in
            (plan.actions == [.skip]
                ? .skipped : plan.changesSomething ? .planned : .unchanged, nil)
        })
    }

    /// Carries out every plan; per-secret errors are in the report.
    public func execute(_ prepared: PreparedRestore) throws -> RestoreReport {
        let client = try services.secretsManager(region: prepared.region)
        let executor = RestoreExecutor(
            client: client, reader: LiveSecretReader(client: client, pacer: pacer),
            planner: RestorePlanner(sourceRegion: prepared.sourceRegion), pacer: pacer,
            sleep: sleep)

        let total = prepared.plans.count
        let counter = RequestCounter()
        let outcomes = WorkPool(width: config.snapshot.concurrency).map(prepared.plans) {
            plan -> (RestoreOutcome, String?) in
            defer {
                counter.increment()
                self.progress.update("restored \(counter.count)/\(total) secrets")
            }
            if plan.actions == [.skip] { return (.skipped, nil) }
            guard let document = prepared.documents[plan.source] else {
                return (.failed, "the snapshot's document is missing")
            }
            return executor.restore(
                document, plan: plan, reviveScheduled: prepared.request.revives(document.name))
        }
        progress.finish()
        return report(prepared, dryRun: false, outcomes: outcomes)
    }

    private func report(
        _ prepared: PreparedRestore, dryRun: Bool, outcomes: [(RestoreOutcome, String?)]
    ) -> RestoreReport {
        var secrets = zip(prepared.plans, outcomes).map { plan, outcome in
            RestoreReport.Secret(
                name: plan.source, target: plan.target.name, region: plan.target.region,
                action: plan.summary, reasons: plan.reasons, steps: plan.steps.map(\.summary),
                notes: plan.notes, outcome: outcome.0, error: outcome.1)
        }
        secrets += prepared.failures.map { failure in
            RestoreReport.Secret(
                name: failure.name, target: failure.target, region: prepared.region,
                action: "skip", reasons: [], steps: [], notes: [], outcome: .failed,
                error: failure.reason)
        }
        secrets.sort { $0.name < $1.name }

        let taken = Timestamps.parseInstant(prepared.snapshot.time) ?? prepared.preparedAt
        let requested: String
        switch prepared.request.at {
        case let .instant(_, text, _): requested = text
        case .latest: requested = "latest"
        case let .snapshot(id): requested = id.rawValue
        }
        let snapshot = RestoreReport.Snapshot(
            id: prepared.snapshot.id, time: prepared.snapshot.time, requested: requested,
            resolvedTo: prepared.request.at.instant.map(Timestamps.iso8601),
            ageSeconds: Int(prepared.preparedAt.timeIntervalSince(taken)),
            gapSeconds: prepared.request.at.instant.map { Int($0.timeIntervalSince(taken)) })
        return RestoreReport(
            snapshot: snapshot, dryRun: dryRun, region: prepared.region,
            prefix: prepared.request.prefix, secrets: secrets)
    }
}

/// A selected secret that could not be planned.
private struct PlanningFailure: Error {
    let name: String
    let target: String
    let reason: String
}
