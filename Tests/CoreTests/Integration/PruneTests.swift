import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// `bunker prune` against moto, as the appliance user (snapshot + prune policies).
@Suite(.enabled(if: MotoWorld.isAvailable), .serialized)
struct PruneTests {
    /// Writes a policy file and a copy of the seeded config that uses it (and `bucket`).
    static func configure(
        _ seeded: SeededWorld, policy: String, bucket: String? = nil, graceHours: Double = 24
    ) throws -> Bunker {
        let world = try #require(MotoWorld.current)
        let directory = URL(fileURLWithPath: seeded.configPath).deletingLastPathComponent()
        let policyPath = directory.appendingPathComponent("policy-\(UUID().uuidString).json").path
        try Data(policy.utf8).write(to: URL(fileURLWithPath: policyPath))

        var config = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: seeded.configPath)))
                as? [String: Any])
        config["retention"] = ["policy": policyPath, "leftoverGraceHours": graceHours]
        if let bucket {
            var store = try #require(config["store"] as? [String: Any])
            store["bucket"] = bucket
            config["store"] = store
        }
        let path = directory.appendingPathComponent("bunker-\(UUID().uuidString).json").path
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: path))
        return Bunker(world: world, configPath: path)
    }

    static func snapshots(_ bunker: Bunker, count: Int) throws -> [String] {
        try (0..<count).map { index in
            if index > 0 { Thread.sleep(forTimeInterval: 1.05) }
            return try bunker.snapshot().id
        }
    }

    @Test func lastThree_deletesExactlyTheTwoOldest_objectsAndCatalogEntries() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("prune-last"))
        let bunker = try Self.configure(seeded, policy: #"{"keep": {"last": 3}}"#)
        let ids = try Self.snapshots(bunker, count: 5)

        let dry = try bunker.run("prune", "--dry-run", "--json")
        #expect(dry.status == 0, "\(dry.errorOutput)")
        let plan = try JSONDecoder().decode(PruneReport.self, from: dry.stdout)
        #expect(plan.snapshots.filter { $0.outcome == .planned }.map(\.id) == Array(ids.prefix(2)))
        #expect(plan.snapshots.first { $0.id == ids[4] }?.reasons.contains("newest good snapshot") == true)
        #expect(try bunker.catalog().count == 5, "the dry run deleted something")

        let result = try bunker.run("prune", "--json")
        #expect(result.status == 0, "\(result.errorOutput)")
        let report = try JSONDecoder().decode(PruneReport.self, from: result.stdout)
        #expect(report.snapshots.filter { $0.outcome == .deleted }.map(\.id) == Array(ids.prefix(2)))
        for id in ids.prefix(2) {
            #expect(result.errorOutput.contains("deleted snapshot \(id) (no rule keeps it)"), "log of \(id)")
        }

        let listing = try bunker.run("snapshots", "--json")
        let rows = try #require(try JSONSerialization.jsonObject(with: listing.stdout) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == Array(ids.suffix(3)))

        let store = try bunker.store(admin: true)
        for id in ids.prefix(2) {
            for key in store.keys(of: try #require(SnapshotID(id))) {
                let left = try store.s3.listObjectVersions(bucket: store.bucket, prefix: key)
                #expect(left.isEmpty, "\(key) still has \(left.count) versions")
            }
        }
        #expect(try bunker.run("verify", ids[2]).status == 0)

        // Running it again deletes nothing more.
        let again = try JSONDecoder().decode(PruneReport.self, from: try bunker.run("prune", "--json").stdout)
        #expect(again.summary.deleted == 0)
        #expect(again.summary.kept == 3)
    }

    @Test func complianceLock_makesS3RefuseTheEarlyDelete_andPruneReportsItLocked() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("prune-lock"))
        let bucket = "acme-dr-lock-\(UUID().uuidString.prefix(8).lowercased())"
        let setup = try AWSServices(environment: world.setupEnvironment).s3(region: "eu-north-1")
        try setup.createBucket(bucket, objectLockEnabled: true)
        let bunker = try Self.configure(
            seeded, policy: #"{"keep": {"last": 1}, "lock": {"mode": "COMPLIANCE"}}"#, bucket: bucket)
        let ids = try Self.snapshots(bunker, count: 2)

        let store = try bunker.store(admin: true)
        let older = try #require(SnapshotID(ids[0]))
        let state = try store.lockState(of: older)
        let until = try #require(state.lockedUntil)
        #expect(until > Date().addingTimeInterval(23 * 3600), "locked for about a day: \(until)")
        for key in store.keys(of: older) {
            let version = try #require(try store.s3.listObjectVersions(bucket: bucket, prefix: key).first)
            #expect(throws: AWSError.self, "S3 deleted a locked version of \(key)") {
                try store.s3.deleteVersion(bucket: bucket, key: key, versionId: version.versionId)
            }
        }

        let result = try bunker.run("prune", "--json")
        #expect(result.status == 0, "\(result.errorOutput)")
        let report = try JSONDecoder().decode(PruneReport.self, from: result.stdout)
        let item = try #require(report.snapshots.first { $0.id == ids[0] })
        #expect(item.decision == "delete")
        #expect(item.outcome == .locked)
        #expect(item.lockedUntil == Timestamps.iso8601(until))
        #expect(result.errorOutput.contains("locked until"), "\(result.errorOutput)")
        #expect(try bunker.catalog().map(\.id) == ids, "nothing may be lost")
        #expect(try bunker.run("verify", ids[0]).status == 0)

        // Extending a lock (what a promotion does) moves the date, and only later.
        let later = until.addingTimeInterval(30 * 86400)
        #expect(try store.extendLock(of: older, mode: "COMPLIANCE", until: later, state: state))
        #expect(try store.lockState(of: older).lockedUntil.map { abs($0.timeIntervalSince(later)) < 2 } == true)
        #expect(try !store.extendLock(of: older, mode: "COMPLIANCE", until: until,
                                      state: try store.lockState(of: older)))
    }

    @Test func policyAskingForALock_onABucketWithout_isAClearError() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("prune-nolock"))
        let bunker = try Self.configure(seeded, policy: #"{"keep": {"last": 1}, "lock": {"mode": "GOVERNANCE"}}"#)
        let result = try bunker.run("snapshot")
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("has no Object Lock"), "\(result.errorOutput)")
        #expect(try bunker.catalog().isEmpty)
    }

    @Test func failedLeftovers_areDeletedAfterTheGracePeriod_andSparedBefore() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("prune-leftover"))
        let patient = try Self.configure(seeded, policy: #"{"keep": {"last": 5}}"#, graceHours: 24)
        let good = try patient.snapshot()

        let store = try patient.store(admin: true)
        let leftover = try #require(SnapshotID("20200101T000000Z-abcdef"))
        _ = try store.s3.putObject(bucket: store.bucket, key: store.layout.archiveKey(leftover), body: Data("x".utf8))

        var report = try JSONDecoder().decode(PruneReport.self, from: try patient.run("prune", "--json").stdout)
        #expect(report.snapshots.first { $0.id == leftover.rawValue }?.outcome == .spared)

        let eager = try Self.configure(seeded, policy: #"{"keep": {"last": 5}}"#, graceHours: 0)
        report = try JSONDecoder().decode(PruneReport.self, from: try eager.run("prune", "--json").stdout)
        let item = try #require(report.snapshots.first { $0.id == leftover.rawValue })
        #expect(item.outcome == .deleted)
        #expect(item.reasons == ["failed leftover (not in the catalog)"])
        #expect(try store.s3.headObject(bucket: store.bucket, key: store.layout.archiveKey(leftover)) == nil)
        #expect(try eager.catalog().map(\.id) == [good.id])
    }

    @Test func partialSnapshots_neverCostTheLastCopyOfASecret() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("prune-partial"))
        let bunker = try Self.configure(seeded, policy: #"{"keep": {"last": 1}}"#)
        let complete = try bunker.snapshot()

        let denied = try #require(seeded.expected.secrets.first { $0.name.hasSuffix("/prod/payments/db-password") })
        let proxy = try FaultProxy(world: world)
        try proxy.setRules([.init(service: "secretsmanager", fault: "deny-secret", secret: denied.name)])
        Thread.sleep(forTimeInterval: 1.05)
        let partial = try bunker.snapshot(expectedStatus: 3, environment: proxy.route(world.bunkerEnvironment))

        let report = try JSONDecoder().decode(PruneReport.self, from: try bunker.run("prune", "--json").stdout)
        #expect(report.summary.deleted == 0)
        #expect(report.snapshots.first { $0.id == complete.id }?.reasons == ["newest complete snapshot"])
        #expect(try bunker.catalog().map(\.id) == [complete.id, partial.id])
        let cat = try bunker.run(["cat", "--at", "latest", denied.name], environment: world.restoreEnvironment)
        #expect(cat.status == 5)
        #expect(cat.errorOutput.contains("not captured"), "\(cat.errorOutput)")
        let older = try bunker.run(["cat", "--at", complete.id, denied.name], environment: world.restoreEnvironment)
        #expect(older.status == 0, "the complete snapshot still holds it")
    }

    @Test func pruneWithoutAPolicy_saysHowToConfigureOne() throws {
        let seeded = try #require(MotoWorld.current).seed(namespace: MotoWorld.uniqueNamespace("prune-none"))
        let result = try Bunker(seeded).run("prune")
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("retention.policy"), "\(result.errorOutput)")
    }
}
