import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// Restores through scripts/fault_proxy.py: throttling and 5xx for a while, and a restore
/// killed halfway and run again.
@Suite(.enabled(if: MotoWorld.isAvailable), .serialized)
struct RestoreFaultTests {
    /// Names of the seeded secrets with more than one version, which this suite deletes.
    static func multiVersionNames(_ seeded: SeededWorld) -> [String] {
        seeded.expected.secrets.filter { $0.versions.count > 1 && !$0.scheduledForDeletion }.map(\.name)
    }

    static func deleteForGood(_ names: [String]) throws {
        let world = try #require(MotoWorld.current)
        let admin = try AWSServices(environment: world.adminEnvironment).secretsManager(region: "eu-north-1")
        for name in names { _ = try admin.deleteSecret(secretId: name, forceDeleteWithoutRecovery: true) }
    }

    /// Every recreated secret holds exactly the snapshot's versions, labels and values.
    static func expectExactly(_ seeded: SeededWorld, _ names: [String]) throws {
        let state = try LiveState.read(names)
        for name in names {
            let expected = try #require(seeded.expected.secrets.first { $0.name == name })
            let live = try #require(state[name], "\(name) was not recreated")
            #expect(Set(live.versions.keys) == Set(expected.versions.map(\.versionId)), "duplicate or missing versions in \(name)")
            for version in expected.versions {
                #expect(live.versions[version.versionId] == version.stages.sorted(), "\(name)")
                #expect(live.values[version.versionId] == version.bytes, "value of \(name)")
            }
        }
    }

    @Test func throttlingAnd5xxForAWhile_restoreStillFinishes() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("restore-faults"))
        let bunker = try Bunker(seeded)
        let snapshot = try bunker.snapshot()
        let deleted = Self.multiVersionNames(seeded)
        try Self.deleteForGood(deleted)

        let proxy = try FaultProxy(world: world)
        try proxy.setRules([
            .init(service: "secretsmanager", action: "DescribeSecret", fault: "throttle", count: 4),
            .init(service: "secretsmanager", action: "CreateSecret", fault: "unavailable", count: 2),
            .init(service: "secretsmanager", action: "PutSecretValue", fault: "throttle", count: 4),
            .init(service: "secretsmanager", action: "UpdateSecretVersionStage", fault: "internal", count: 3),
            .init(service: "s3", action: "GetObject", fault: "throttle", count: 2),
        ])
        var environment = proxy.route(world.restoreEnvironment)
        environment["AWS_MAX_ATTEMPTS"] = "5"
        let result = try bunker.run(["restore", "--at", snapshot.id, "--yes", "--json"], environment: environment)
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(try proxy.stats().injectedTotal >= 10)
        try Self.expectExactly(seeded, deleted)
    }

    @Test(arguments: [false, true])
    func restoreKilledHalfway_isFinishedByARerun_withoutDuplicateVersions(answerLost: Bool) throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("restore-kill"))
        let bunker = try Bunker(seeded)
        let snapshot = try bunker.snapshot()
        let deleted = Self.multiVersionNames(seeded)
        #expect(deleted.count >= 3)
        try Self.deleteForGood(deleted)

        // The third version write hangs (before reaching moto, or after it, so the write
        // happened but bunker never heard); then bunker is killed.
        let proxy = try FaultProxy(world: world)
        try proxy.setRules([.init(
            service: "secretsmanager", action: "PutSecretValue", fault: "hang", count: 1, after: 2,
            seconds: 120, afterForward: answerLost)])
        let pid = try ChildProcess.start(
            world.bunker,
            ["--config", bunker.configPath, "restore", "--at", snapshot.id, "--yes"],
            environment: proxy.route(world.restoreEnvironment))
        var hung = false
        for _ in 0..<300 where !hung {
            hung = (try proxy.stats().injected.values.reduce(0, +)) > 0
            if !hung { usleep(100_000) }
        }
        #expect(hung, "the restore never reached the hanging write")
        usleep(300_000)
        kill(pid, SIGKILL)
        _ = ChildProcess.wait(for: pid)

        let rerun = try bunker.run(["restore", "--at", snapshot.id, "--yes", "--json"],
                                   environment: world.restoreEnvironment)
        #expect(rerun.status == 0, "\(rerun.errorOutput)")
        try Self.expectExactly(seeded, deleted)

        let third = try bunker.run(["restore", "--at", snapshot.id, "--yes", "--json"],
                                   environment: world.restoreEnvironment)
        let report = try JSONDecoder().decode(RestoreReport.self, from: third.stdout)
        #expect(report.summary.restored == 0 && report.summary.failed == 0)
        #expect(report.secrets.allSatisfy { $0.outcome == .unchanged || $0.outcome == .skipped })
    }
}
