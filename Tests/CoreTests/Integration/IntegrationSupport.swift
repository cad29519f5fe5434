import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// Shared steps of the integration tests: run `bunker`, read what it stored.
struct Bunker {
    let world: MotoWorld
    let configPath: String

    init(_ seeded: SeededWorld) throws {
        guard let world = MotoWorld.current else { throw MotoWorldError.failed("moto", "absent") }
        self.world = world
        configPath = seeded.configPath
    }

    init(world: MotoWorld, configPath: String) {
        self.world = world
        self.configPath = configPath
    }

    var config: BunkerConfig {
        get throws { try ConfigLoader.load(path: configPath) }
    }

    /// Runs a bunker command as the least-privilege user (or with `environment`).
    func run(
        _ arguments: String..., environment: [String: String]? = nil
    ) throws -> ProcessResult {
        try run(arguments, environment: environment)
    }

    /// Runs a bunker command as the least-privilege user (or with `environment`).
    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
        try world.runBunker(arguments, config: configPath, environment: environment)
    }

    /// `bunker snapshot --json`, which must succeed with `expectedStatus`; returns its report.
    func snapshot(
        expectedStatus: Int32 = 0, environment: [String: String]? = nil
    ) throws -> SnapshotReport {
        let result = try run("snapshot", "--json", environment: environment)
        #expect(result.status == expectedStatus, "snapshot: \(result.errorOutput)")
        return try JSONDecoder().decode(SnapshotReport.self, from: result.stdout)
    }

    /// The AWS services of the given user (the `bunker` user by default).
    func services(admin: Bool = false) throws -> AWSServices {
        try AWSServices(environment: admin ? world.adminEnvironment : world.bunkerEnvironment)
    }

    /// The primary store of this config.
    func store(admin: Bool = false) throws -> SnapshotStore {
        try services(admin: admin).primaryStore(config)
    }

    /// Every good snapshot, oldest first.
    func catalog() throws -> [CatalogEntry] {
        try store().catalog()
    }

    /// Downloads, decrypts and reads the snapshot `id`.
    func contents(_ id: String) throws -> SnapshotContents {
        let services = try services()
        let store = try services.primaryStore(config)
        let entry = try store.entry(try #require(SnapshotID(id)))
        return try services.reader(store: store).contents(entry)
    }
}

extension SecretVersionRecord {
    /// The value's bytes as Secrets Manager holds them.
    var valueBytes: Data? {
        if let secretString { return Data(secretString.utf8) }
        return secretBinary
    }
}
