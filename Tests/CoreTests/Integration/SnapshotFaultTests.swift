import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// `bunker snapshot` through scripts/fault_proxy.py: AWS failing for a while, failing for
/// good, and refusing one secret.
@Suite(.enabled(if: MotoWorld.isAvailable), .serialized)
struct SnapshotFaultTests {
    struct Setup {
        let seeded: SeededWorld
        let bunker: Bunker
        let proxy: FaultProxy
        let environment: [String: String]
    }

    static func setUp(_ label: String, maxAttempts: Int = 5) throws -> Setup {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace(label))
        let proxy = try FaultProxy(world: world)
        var environment = proxy.route(world.bunkerEnvironment)
        environment["AWS_MAX_ATTEMPTS"] = String(maxAttempts)
        return Setup(seeded: seeded, bunker: try Bunker(seeded), proxy: proxy, environment: environment)
    }

    @Test func throttlingAnd5xxForAWhile_snapshotStillCompletes() throws {
        let setup = try Self.setUp("faults-transient")
        // Each rule fires at most 4 times in a row, so any one request succeeds within
        // AWS_MAX_ATTEMPTS=5; together they fail a good share of the run's requests.
        try setup.proxy.setRules([
            .init(service: "secretsmanager", action: "ListSecrets", fault: "throttle", count: 3),
            .init(service: "secretsmanager", action: "BatchGetSecretValue", fault: "unavailable", count: 2),
            .init(service: "secretsmanager", action: "ListSecretVersionIds", fault: "throttle", count: 4),
            .init(service: "secretsmanager", action: "GetSecretValue", fault: "internal", count: 4),
            .init(service: "kms", action: "GenerateDataKey", fault: "throttle", count: 2),
            .init(service: "s3", action: "PutObject", fault: "unavailable", count: 2),
            .init(service: "s3", action: "GetObject", fault: "throttle", count: 2),
        ])

        let report = try setup.bunker.snapshot(environment: setup.environment)
        let stats = try setup.proxy.stats()
        #expect(stats.injectedTotal >= 15, "\(stats.injected)")
        #expect(!report.partial)
        #expect(report.secretCount == setup.seeded.expected.secrets.count)
        #expect(try setup.bunker.catalog().map(\.id) == [report.id])
        #expect(try setup.bunker.run("verify", report.id).status == 0)
    }

    @Test func s3NeverRecovering_failsClearly_andPublishesNothing() throws {
        let setup = try Self.setUp("faults-s3-down", maxAttempts: 3)
        try setup.proxy.setRules([.init(service: "s3", action: "PutObject", fault: "unavailable")])

        let result = try setup.bunker.run("snapshot", environment: setup.environment)
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("storing the snapshot failed"), "\(result.errorOutput)")
        #expect(result.errorOutput.contains("gave up after 3 attempts"), "\(result.errorOutput)")
        #expect(try setup.bunker.catalog().isEmpty)
    }

    @Test func listSecretsFailing_neverBecomesAnEmptySnapshot() throws {
        let setup = try Self.setUp("faults-list", maxAttempts: 2)
        for rule in [
            FaultProxy.Rule(service: "secretsmanager", action: "ListSecrets", fault: "throttle"),
            FaultProxy.Rule(service: "secretsmanager", action: "ListSecrets", fault: "reset"),
        ] {
            try setup.proxy.setRules([rule])
            let result = try setup.bunker.run("snapshot", "--json", environment: setup.environment)
            #expect(result.status == 1, "\(rule.fault)")
            #expect(result.errorOutput.contains("listing secrets failed"), "\(result.errorOutput)")
            #expect(try setup.bunker.catalog().isEmpty)
        }
    }

    @Test func secretManagerReadsNeverRecovering_storeNothing() throws {
        let setup = try Self.setUp("faults-reads", maxAttempts: 2)
        try setup.proxy.setRules([
            .init(service: "secretsmanager", action: "BatchGetSecretValue", fault: "unavailable"),
            .init(service: "secretsmanager", action: "GetSecretValue", fault: "unavailable"),
            .init(service: "secretsmanager", action: "ListSecretVersionIds", fault: "unavailable"),
        ])
        let result = try setup.bunker.run("snapshot", environment: setup.environment)
        #expect(result.status == 1)
        #expect(result.errorOutput.contains("failed to read; no snapshot stored"), "\(result.errorOutput)")
        #expect(try setup.bunker.catalog().isEmpty)
    }

    @Test func pendingVersionWithoutValue_isRecordedAsSuch_andTheSnapshotGoesOn() throws {
        let setup = try Self.setUp("faults-pending")
        let secret = try #require(setup.seeded.expected.secrets.first { $0.name.hasSuffix("/prod/rotation_pending.key") })
        let pending = try #require(secret.versions.first { $0.stages == ["AWSPENDING"] })
        try setup.proxy.setRules([.init(
            service: "secretsmanager", action: "GetSecretValue", fault: "error",
            bodyContains: pending.versionId, status: 400, code: "ResourceNotFoundException")])

        let report = try setup.bunker.snapshot(environment: setup.environment)
        #expect(!report.partial)
        #expect(report.unavailableVersions >= 1)
        let document = try #require(try setup.bunker.contents(report.id).documents.first { $0.name == secret.name })
        let stored = try #require(document.versions.first { $0.id == pending.versionId })
        #expect(stored.stages == ["AWSPENDING"])
        #expect(stored.valueSource == .unavailable)
        #expect(stored.unavailableReason == "version holds no value")
        let current = try #require(document.versions.first { $0.stages.contains("AWSCURRENT") })
        #expect(current.valueSource == .captured)

        let empty = try #require(setup.seeded.expected.secrets.first { $0.versions.isEmpty })
        let placeholder = try #require(try setup.bunker.contents(report.id).documents.first { $0.name == empty.name })
        #expect(placeholder.versions.isEmpty, "a secret without versions is captured with none")
    }

    @Test func secretWhoseKMSKeyIsDenied_isReported_andTheSnapshotIsPartial() throws {
        let setup = try Self.setUp("faults-denied")
        let denied = try #require(setup.seeded.expected.secrets.first { $0.name.hasSuffix("/prod/payments/db-password") })
        try setup.proxy.setRules([.init(service: "secretsmanager", fault: "deny-secret", secret: denied.name)])

        let report = try setup.bunker.snapshot(expectedStatus: 3, environment: setup.environment)
        #expect(report.partial)
        #expect(report.failures.map(\.name) == [denied.name])
        #expect(report.failures.first?.error.contains("AccessDenied") == true)
        #expect(report.secretCount == setup.seeded.expected.secrets.count - 1)

        let listing = try setup.bunker.run("snapshots", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: listing.stdout) as? [[String: Any]])
        #expect(rows.first?["partial"] as? Bool == true)
        let contents = try setup.bunker.contents(report.id)
        #expect(contents.manifest.failures.map(\.name) == [denied.name])
        #expect(!contents.documents.contains { $0.name == denied.name })

        // A restore from this snapshot says what it cannot bring back.
        let plan = try setup.bunker.run(
            ["restore", "--at", report.id, "--dry-run", "--json"],
            environment: setup.bunker.world.restoreEnvironment)
        let restore = try JSONDecoder().decode(RestoreReport.self, from: plan.stdout)
        let line = try #require(restore.secrets.first { $0.name == denied.name })
        #expect(line.outcome == .skipped)
        #expect(line.reasons.first?.hasPrefix("not captured in this snapshot") == true)
    }
}
