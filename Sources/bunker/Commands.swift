import BunkerCore
import Foundation

/// `bunker snapshot`
func runSnapshot(_ context: CommandContext) throws -> ExitCode {
    try context.allow()
    try context.expectPositional(0, usage: "snapshot")
    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let report = try Snapshotter(config: config, services: services, progress: context.progress())
        .run()
    if context.output.json {
        context.output.printJSON(report)
    } else {
        context.output.line("snapshot \(report.id) stored at \(report.time)")
        context.output.line(
            "  \(report.secretCount) secrets, \(report.versionCount) versions, "
                + "\(Output.size(report.size)), \(String(format: "%.1f", report.seconds)) s")
        if report.carriedForwardVersions > 0 {
            context.output.line(
                "  \(report.carriedForwardVersions) values carried forward from earlier snapshots")
        }
        if report.unavailableVersions > 0 {
            context.output.line(
                "  \(Output.count(report.unavailableVersions, "version")) recorded without a value")
        }
        for failure in report.failures {
            Output.error("not captured: \(failure.name): \(failure.error)")
        }
        if report.partial {
            Output.error("snapshot is PARTIAL: \(report.failedSecretCount) secrets not captured")
        }
    }
    return report.partial ? .partial : .success
}

/// `bunker snapshots`
func runSnapshots(_ context: CommandContext) throws -> ExitCode {
    try context.allow()
    try context.expectPositional(0, usage: "snapshots")
    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let catalog = try services.primaryStore(config).catalog()
    if context.output.json {
        context.output.printJSON(catalog.map(SnapshotListing.init))
        return .success
    }
    guard !catalog.isEmpty else {
        context.output.line("no snapshots in s3://\(config.store.bucket)/\(config.store.prefix)")
        return .success
    }
    context.output.line(
        "ID                        TIME                  SECRETS  VERSIONS  SIZE       STATE")
    for entry in catalog {
        let columns = [
            entry.id.padding(toLength: 26, withPad: " ", startingAt: 0),
            entry.time.padding(toLength: 22, withPad: " ", startingAt: 0),
            String(entry.secretCount).padding(toLength: 9, withPad: " ", startingAt: 0),
            String(entry.versionCount).padding(toLength: 10, withPad: " ", startingAt: 0),
            Output.size(entry.size).padding(toLength: 11, withPad: " ", startingAt: 0),
            entry.isPartial ? "partial (\(entry.failedSecretCount) failed)" : "complete",
        ]
        context.output.line(columns.joined())
    }
    return .success
}

/// `bunker show ID`
func runShow(_ context: CommandContext) throws -> ExitCode {
    try context.allow()
    try context.expectPositional(1, usage: "show ID")
    let (reader, entry) = try namedSnapshot(context)
    // The manifest is all `show` needs; the documents are checked but not kept.
    let contents = try reader.contents(entry) { _ in false }
    let view = ManifestView(contents.manifest)
    if context.output.json {
        context.output.printJSON(view)
        return .success
    }
    context.output.line("snapshot \(view.id) taken \(view.time)")
    for secret in view.secrets {
        let flag = secret.scheduledForDeletion ? "  [scheduled for deletion]" : ""
        context.output.line("\(secret.name)\(flag)")
        if secret.versions.isEmpty {
            context.output.line("    (no versions: it never had a value)")
        }
        for version in secret.versions {
            let stages = version.stages.isEmpty
                ? "(no labels)" : version.stages.joined(separator: ",")
            let source = version.value == "captured" ? "" : "  value: \(version.value)"
            context.output.line("    \(version.id)  \(stages)  \(version.created ?? "-")\(source)")
        }
    }
    for failure in view.failures {
        context.output.line("NOT CAPTURED: \(failure.name): \(failure.error)")
    }
    return .success
}

/// `bunker verify ID`
func runVerify(_ context: CommandContext) throws -> ExitCode {
    try context.allow()
    try context.expectPositional(1, usage: "verify ID")
    let (reader, entry) = try namedSnapshot(context)
    let report = try SnapshotVerifier(reader: reader).verify(entry)
    if context.output.json {
        context.output.printJSON(report)
    } else {
        context.output.line(
            "snapshot \(report.id) verified: \(Output.count(report.secretCount, "secret")), "
                + "\(Output.count(report.versionCount, "version")); every chunk and all "
                + "\(report.entriesChecked) archive entries (documents and manifest) authenticated")
    }
    return .success
}

/// The snapshot the command line names (its one positional: an id or `latest`) and a
/// reader for the store it is in.
func namedSnapshot(_ context: CommandContext) throws -> (SnapshotReader, CatalogEntry) {
    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let store = try services.primaryStore(config)
    let entry = try resolveSnapshot(context.arguments.positional[0], store: store)
    return (services.reader(store: store), entry)
}

/// Finds a snapshot by id or `latest`.
func resolveSnapshot(_ text: String, store: SnapshotStore) throws -> CatalogEntry {
    if text == "latest" {
        guard let newest = try store.catalog().last else {
            throw BunkerError.snapshotNotFound("latest (the store has no snapshots)")
        }
        return newest
    }
    guard let id = SnapshotID(text) else { throw BunkerError.invalidSnapshotID(text) }
    return try store.entry(id)
}
