import BunkerAWS
import BunkerCore
import BunkerCrypto
import Foundation
import Testing
import TestSupport

/// Point-in-time restore against moto, as the least-privilege restore user: snapshot at
/// T1, damage the secrets, snapshot at T2, restore to a moment between the two.
@Suite(.enabled(if: MotoWorld.isAvailable), .serialized)
struct RestoreScenarioTests {
    /// The seeded secrets this scenario changes after T1.
    struct Damage {
        let overwritten: String   // a new value on top
        let redescribed: String   // description changed
        let retagged: String      // a tag changed, one added
        let forceDeleted: String  // gone, three versions
        let scheduled: String     // scheduled for deletion

        init(_ namespace: String) {
            overwritten = "\(namespace)/prod/payments/db-password"
            redescribed = "\(namespace)/prod/api_keys/stripe.live"
            retagged = "\(namespace)/team@acme/oauth+client=web"
            forceDeleted = "\(namespace)/prod/db/rotated-creds"
            scheduled = "\(namespace)/prod/feature-flags"
        }

        func apply(region: String = "eu-north-1") throws {
            let world = try #require(MotoWorld.current)
            let admin = try AWSServices(environment: world.adminEnvironment).secretsManager(region: region)
            _ = try admin.putSecretValue(secretId: overwritten, value: .string("overwritten-\(UUID())"))
            _ = try admin.updateSecret(secretId: redescribed, description: "changed after T1")
            try admin.tagResource(secretId: retagged, tags: [
                SecretTag(key: "Owner", value: "intruder"), SecretTag(key: "Extra", value: "1"),
            ])
            _ = try admin.deleteSecret(secretId: forceDeleted, forceDeleteWithoutRecovery: true)
            _ = try admin.deleteSecret(secretId: scheduled, recoveryWindowInDays: 7)
        }
    }

    struct Scenario {
        let seeded: SeededWorld
        let bunker: Bunker
        let damage: Damage
        let t1: SnapshotReport
        let t2: SnapshotReport
        let stateAtT1: LiveState
        /// One second after T1, before T2.
        let between: String

        var names: [String] { seeded.expected.secrets.map(\.name) }

        func restore(_ arguments: String..., environment: [String: String]? = nil) throws -> ProcessResult {
            try bunker.run(
                ["restore"] + arguments + ["--json"],
                environment: environment ?? bunker.world.restoreEnvironment)
        }
    }

    static func scenario(_ label: String) throws -> Scenario {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace(label))
        let bunker = try Bunker(seeded)
        let names = seeded.expected.secrets.map(\.name)
        let t1 = try bunker.snapshot()
        let stateAtT1 = try LiveState.read(names)
        let t1Date = try #require(Timestamps.parseInstant(t1.time))
        Thread.sleep(forTimeInterval: 2.1)

        let damage = Damage(seeded.namespace)
        try damage.apply()
        let t2 = try bunker.snapshot()
        #expect(t2.time > t1.time)
        return Scenario(
            seeded: seeded, bunker: bunker, damage: damage, t1: t1, t2: t2, stateAtT1: stateAtT1,
            between: Timestamps.iso8601(t1Date.addingTimeInterval(1)))
    }

    @Test func restoreBetweenT1AndT2_bringsBackTheT1State_andASecondRunChangesNothing() throws {
        let scenario = try Self.scenario("restore")
        let damage = scenario.damage

        // --dry-run: the right action per secret, and nothing changes.
        let before = try LiveState.read(scenario.names)
        let dry = try scenario.restore("--at", scenario.between, "--dry-run")
        #expect(dry.status == 0, "\(dry.errorOutput)")
        let plan = try JSONDecoder().decode(RestoreReport.self, from: dry.stdout)
        #expect(plan.dryRun)
        #expect(plan.snapshot.id == scenario.t1.id)
        let actions = Dictionary(uniqueKeysWithValues: plan.secrets.map { ($0.name, $0.action) })
        #expect(actions[damage.overwritten] == "roll back value")
        #expect(actions[damage.redescribed] == "update tags/description")
        #expect(actions[damage.retagged] == "update tags/description")
        #expect(actions[damage.forceDeleted] == "create")
        #expect(actions[damage.scheduled] == "undelete")
        // Already scheduled for deletion at T1: restoring T1 does not revive it.
        #expect(actions["\(scenario.seeded.namespace)/prod/retired-service"] == "skip")
        let untouched = Set(scenario.names).subtracting([
            damage.overwritten, damage.redescribed, damage.retagged, damage.forceDeleted,
            damage.scheduled, "\(scenario.seeded.namespace)/prod/retired-service",
        ])
        for name in untouched { #expect(actions[name] == "unchanged", "\(name)") }
        #expect(try LiveState.read(scenario.names) == before, "the dry run changed something")

        // The restore.
        let result = try scenario.restore("--at", scenario.between, "--yes")
        #expect(result.status == 0, "\(result.errorOutput)")
        let report = try JSONDecoder().decode(RestoreReport.self, from: result.stdout)
        #expect(report.summary.failed == 0)
        #expect(report.summary.restored == 5)

        let after = try LiveState.read(scenario.names)
        for name in [damage.scheduled, damage.forceDeleted] {
            #expect(after[name]?.scheduledForDeletion == false, "\(name) is still scheduled")
        }
        for name in scenario.names {
            let now = try #require(after[name], "\(name) is missing")
            let then = try #require(scenario.stateAtT1[name])
            #expect(now.scheduledForDeletion == then.scheduledForDeletion, "\(name)")
            #expect(now.description == then.description, "\(name)")
            #expect(now.tags == then.tags, "\(name)")
            if !then.scheduledForDeletion {
                #expect(now.currentValue == then.currentValue, "current value of \(name)")
            }
        }
        let recreated = try #require(after[damage.forceDeleted])
        let original = try #require(scenario.stateAtT1[damage.forceDeleted])
        #expect(recreated.versions == original.versions, "version ids and labels")
        #expect(recreated.values == original.values, "values of every version")

        // The same restore again: nothing to do, no new version anywhere.
        let again = try scenario.restore("--at", scenario.between, "--yes")
        #expect(again.status == 0, "\(again.errorOutput)")
        let second = try JSONDecoder().decode(RestoreReport.self, from: again.stdout)
        #expect(second.summary.restored == 0 && second.summary.failed == 0,
                "\(second.secrets.map(\.action))")
        #expect(second.secrets.allSatisfy { $0.outcome == .unchanged || $0.outcome == .skipped })
        #expect(try LiveState.read(scenario.names) == after)
    }

    @Test func prefixRestore_makesCopies_andLeavesTheOriginalsAlone() throws {
        let scenario = try Self.scenario("restore-prefix")
        let before = try LiveState.read(scenario.names)

        let result = try scenario.restore("--at", scenario.t1.id, "--prefix", "drill/x/")
        #expect(result.status == 0, "copies need no --yes: \(result.errorOutput)")
        #expect(try LiveState.read(scenario.names) == before, "an original was touched")

        let contents = try scenario.bunker.contents(scenario.t1.id)
        let copies = try LiveState.read(contents.documents.map { "drill/x/\($0.name)" })
        for document in contents.documents where !document.scheduledForDeletion {
            let copy = copies["drill/x/\(document.name)"]
            let readable = document.versions.filter { $0.valueSource != .unavailable }
            let restored = try #require(copy, "no copy of \(document.name)")
            #expect(Set(restored.versions.keys) == Set(readable.map(\.id)), "\(document.name)")
            for version in readable {
                #expect(restored.versions[version.id] == version.stages.sorted(), "\(document.name)")
                #expect(restored.values[version.id] == version.valueBytes, "\(document.name)")
            }
            var wanted = Dictionary(document.tags.map { ($0.key, $0.value) }) { a, _ in a }
            wanted[RestoreRequest.restoredFromTag] = scenario.t1.id
            #expect(restored.tags == wanted, "copies carry the snapshot they came from")
        }
    }

    @Test func secretRetiredBeforeTheSnapshot_comesBackOnlyWhenNamed_andCopiesAreNotBackedUp() throws {
        let scenario = try Self.scenario("restore-named")
        let retired = "\(scenario.seeded.namespace)/prod/retired-service"

        let named = try scenario.restore("--at", scenario.between, "--secret", retired, "--yes")
        #expect(named.status == 0, "\(named.errorOutput)")
        let report = try JSONDecoder().decode(RestoreReport.self, from: named.stdout)
        #expect(report.secrets.map(\.action) == ["undelete"])
        #expect(try LiveState.read([retired])[retired]?.scheduledForDeletion == false)

        let nothing = try scenario.restore("--at", scenario.between, "--secret", "no/such/*", "--dry-run")
        #expect(nothing.status == 5, "a selection matching nothing is an error")
        #expect(nothing.errorOutput.contains("no secret matches"), "\(nothing.errorOutput)")

        _ = try scenario.restore("--at", scenario.t1.id, "--prefix", "copy/")
        let next = try scenario.bunker.snapshot()
        #expect(next.secretCount == scenario.t2.secretCount, "the copies under copy/ were backed up")
    }

    @Test func restoreBeforeTheFirstSnapshot_failsNamingTheEarliest() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("restore-early"))
        let bunker = try Bunker(seeded)
        let first = try bunker.snapshot()

        let result = try bunker.run(
            ["restore", "--at", "2020-01-01", "--yes"], environment: bunker.world.restoreEnvironment)
        #expect(result.status == 5)
        #expect(result.errorOutput.contains(first.id), "\(result.errorOutput)")
        #expect(result.errorOutput.contains("2020-01-01T23:59:59Z"), "the resolved instant")
    }

    @Test func snapshotFailingVerification_isNeverUsed_andNothingIsWritten() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("restore-bad"))
        let bunker = try Bunker(seeded)
        let report = try bunker.snapshot()
        let entry = try #require(try bunker.catalog().first)
        let damage = Damage(seeded.namespace)
        try damage.apply()
        let before = try LiveState.read(seeded.expected.secrets.map(\.name))

        // An attacker flips a byte and rewrites the catalog record to match.
        let s3 = try bunker.services(admin: true).s3(region: "eu-north-1")
        var bytes = try s3.getObject(bucket: "acme-dr-primary", key: entry.archiveKey)
        bytes[bytes.count / 2] ^= 0x40
        _ = try s3.putObject(bucket: "acme-dr-primary", key: entry.archiveKey, body: bytes)
        var forged = entry
        forged.sha256 = Hex.encode(SHA256.hash(bytes))
        _ = try s3.putObject(
            bucket: "acme-dr-primary",
            key: try bunker.store().layout.catalogKey(try #require(SnapshotID(report.id))),
            body: try JSONEncoder().encode(forged))

        let result = try bunker.run(
            ["restore", "--at", "latest", "--yes"], environment: bunker.world.restoreEnvironment)
        #expect(result.status == 4)
        #expect(result.errorOutput.contains("will not be used"), "\(result.errorOutput)")
        #expect(result.errorOutput.contains("Nothing was written"), "\(result.errorOutput)")
        #expect(try LiveState.read(seeded.expected.secrets.map(\.name)) == before)
    }

    @Test func inPlaceRestoreFromAScript_needsYes() throws {
        let scenario = try Self.scenario("restore-yes")
        let before = try LiveState.read(scenario.names)
        let result = try scenario.bunker.run(
            ["restore", "--at", scenario.between], environment: scenario.bunker.world.restoreEnvironment)
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("needs --yes"), "\(result.errorOutput)")
        #expect(try LiveState.read(scenario.names) == before)
    }
}

