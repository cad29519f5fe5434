import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// `bunker init` run as the operator runs it, with the least-privilege setup user.
@Suite(.enabled(if: MotoWorld.isAvailable))
struct InitCommandTests {
    struct InitJSON: Decodable {
        let checkOnly: Bool
        let ready: Bool
        let buckets: [BucketReport]
    }

    @Test func initOnAnEmptyEmulator_passesCheck_changesNothingTheSecondTime_andSnapshotsWork() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("init"))
        let bucket = "acme-dr-init-\(UUID().uuidString.prefix(8).lowercased())"
        let bunker = try PruneTests.configure(
            seeded, policy: #"{"keep": {"last": 2}, "lock": {"mode": "GOVERNANCE"}}"#, bucket: bucket)

        let before = try bunker.run(["init", "--check", "--json"], environment: world.setupEnvironment)
        #expect(before.status == 6, "an absent bucket is not ready: \(before.errorOutput)")

        let first = try bunker.run(["init", "--json"], environment: world.setupEnvironment)
        #expect(first.status == 0, "\(first.errorOutput)")
        let created = try JSONDecoder().decode(InitJSON.self, from: first.stdout)
        let items = try #require(created.buckets.first).items
        #expect(items.first { $0.name == "bucket" }?.status == .changed)
        #expect(items.allSatisfy { !$0.status.isProblem }, "\(items)")

        let check = try bunker.run(["init", "--check", "--json"], environment: world.setupEnvironment)
        #expect(check.status == 0, "\(check.output)")
        #expect(try JSONDecoder().decode(InitJSON.self, from: check.stdout).ready)

        let second = try bunker.run(["init", "--json"], environment: world.setupEnvironment)
        let again = try JSONDecoder().decode(InitJSON.self, from: second.stdout)
        #expect(again.buckets.allSatisfy { !$0.changedAnything }, "\(again.buckets)")

        // The prepared bucket takes locked snapshots from the appliance user.
        let report = try bunker.snapshot()
        let store = try bunker.store(admin: true)
        #expect(try store.lockState(of: try #require(SnapshotID(report.id))).lockedUntil != nil)

        // Suspending versioning behind init's back is caught by --check, which changes nothing.
        let admin = try AWSServices(environment: world.adminEnvironment).s3(region: "eu-north-1")
        try admin.putBucketVersioning(bucket, enabled: false)
        let drifted = try bunker.run(["init", "--check"], environment: world.setupEnvironment)
        #expect(drifted.status == 6)
        #expect(drifted.output.contains("wrong"), "\(drifted.output)")
        #expect(try admin.bucketVersioning(bucket) != .enabled)
    }
}
