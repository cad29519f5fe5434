import BunkerCore
import Foundation

/// `bunker cat --at WHEN NAME [--version ID]`: one secret's value from a snapshot, on
/// standard output and nothing else, without Secrets Manager.
func runCat(_ context: CommandContext) throws -> ExitCode {
    try context.allow(values: ["--at", "--version"])
    try context.expectPositional(1, usage: "cat --at WHEN NAME [--version ID]")
    let name = context.arguments.positional[0]
    let at = try PointInTime.parse(context.arguments.value("--at") ?? "latest")

    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let store = try services.primaryStore(config)
    let entry = try at.select(from: try store.catalog())
    let contents = try services.reader(store: store).contents(entry) { $0.name == name }
    guard let document = contents.documents.first else {
        if let failure = contents.manifest.failures.first(where: { $0.name == name }) {
            throw BunkerError.secretNotInSnapshot(
                name: name, snapshot: entry.id,
                detail: "not captured (\(failure.error)); an earlier snapshot may hold it")
        }
        throw BunkerError.secretNotInSnapshot(
            name: name, snapshot: entry.id, detail: "no such secret")
    }
    let wanted = context.arguments.value("--version")
    let version = wanted.map { id in document.versions.first { $0.id == id } }
        ?? document.versions.first { $0.stages.contains("AWSCURRENT") }
    guard let version else {
        let detail = wanted.map { "no version \($0)" } ?? "no AWSCURRENT version"
        throw BunkerError.secretNotInSnapshot(name: name, snapshot: entry.id, detail: detail)
    }

    if context.output.json {
        context.output.printJSON(CatView(name: name, snapshot: entry.id, version: version))
        return .success
    }
    if let text = version.secretString {
        FileHandle.standardOutput.write(Data(text.utf8))
    } else if let bytes = version.secretBinary {
        FileHandle.standardOutput.write(bytes)
    } else {
        throw BunkerError.secretNotInSnapshot(
            name: name, snapshot: entry.id,
            detail: "version \(version.id) has no value "
                + "(\(version.unavailableReason ?? "unavailable"))")
    }
    return .success
}

/// `cat --json`: the value with its version, binary values in base64.
private struct CatView: Encodable {
    let name: String
    let snapshot: String
    let versionId: String
    let stages: [String]
    let secretString: String?
    let secretBinary: String?

    init(name: String, snapshot: String, version: SecretVersionRecord) {
        self.name = name
        self.snapshot = snapshot
        versionId = version.id
        stages = version.stages
        secretString = version.secretString
        secretBinary = version.secretBinary?.base64EncodedString()
    }
}
