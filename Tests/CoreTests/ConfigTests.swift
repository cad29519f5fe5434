import BunkerCore
import Foundation
import Testing

@Suite struct ConfigTests {
    let valid = """
    {
      // comments are allowed
      "source":  { "region": "eu-north-1", "tags": { "Backup": "true", "Team": "*" } },
      "kms":     { "keyId": "alias/bunker" },
      "store":   { "region": "eu-north-1", "bucket": "acme-dr-primary", "prefix": "bunker" },
      "replica": { "region": "eu-west-1", "bucket": "acme-dr-replica", "kmsKeyId": "k" },
      "snapshot": { "concurrency": 4, "verifyAfterUpload": false },
    }
    """

    @Test func acceptsTheDocumentedShape() throws {
        let config = try ConfigLoader.parse(Data(valid.utf8))
        #expect(config.source.tags == ["Backup": "true", "Team": "*"])
        #expect(config.store.prefix == "bunker/")
        #expect(config.replica?.region == "eu-west-1")
        #expect(config.snapshot.concurrency == 4)
        #expect(config.snapshot.verifyAfterUpload == false)
    }

    @Test(arguments: [
        (#"{"source":{"region":"eu-north-1","tags":{"a":"b"}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"bkt-1"},"extra":1}"#, "extra"),
        (#"{"source":{"region":"eu-north-1","tags":{"a":"b"}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1"}}"#, "store.bucket"),
        (#"{"source":{"region":"eu-north-1","tags":{"a":1}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"bkt-1"}}"#, "source.tags.a"),
        (#"{"source":{"region":"north","tags":{"a":"b"}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"bkt-1"}}"#, "source.region"),
        (#"{"source":{"region":"eu-north-1","tags":{"a":"b"}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"bkt-1"},"#
            + #""snapshot":{"concurrency":"8"}}"#, "snapshot.concurrency"),
        (#"{"source":{"region":"eu-north-1","tags":{}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"bkt-1"}}"#, "source.tags"),
        (#"{"source":{"region":"eu-north-1","tags":{"a":"b"}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"Bad_Bucket"}}"#, "store.bucket"),
    ])
    func rejectsBadFieldsNamingThePath(text: String, path: String) {
        do {
            _ = try ConfigLoader.parse(Data(text.utf8))
            Issue.record("accepted invalid config")
        } catch {
            #expect("\(error)".contains(path), "\(error)")
        }
    }

    @Test func syntaxErrorsAreReported() {
        #expect(throws: ConfigError.self) { try ConfigLoader.parse(Data("{".utf8)) }
    }

    @Test func pathResolutionOrder() {
        #expect(ConfigLoader.resolvePath(flag: "a", environment: ["BUNKER_CONFIG": "b"]) == "a")
        #expect(ConfigLoader.resolvePath(flag: nil, environment: ["BUNKER_CONFIG": "b"]) == "b")
        #expect(ConfigLoader.resolvePath(flag: nil, environment: [:]) == "/etc/bunker/bunker.json")
    }
}

@Suite struct SelectionAndLayoutTests {
    @Test func tagSelectorNeedsEveryTagAndHonoursWildcard() {
        let selector = TagSelector(required: ["Backup": "true", "Team": "*"])
        #expect(selector.matches([("Backup", "true"), ("Team", "x")]))
        #expect(!selector.matches([("Backup", "true")]))
        #expect(!selector.matches([("Backup", "false"), ("Team", "x")]))
        #expect(!selector.matches([("backup", "true"), ("Team", "x")]))
        #expect(!selector.matches([]))
    }

    @Test func snapshotIDsSortByTimeAndRoundTrip() {
        let early = SnapshotID(date: Date(timeIntervalSince1970: 1_700_000_000), random: [0, 0, 1])
        let late = SnapshotID(date: Date(timeIntervalSince1970: 1_700_000_001), random: [0, 0, 0])
        #expect(early < late)
        #expect(early.rawValue == "20231114T221320Z-000001")
        #expect(SnapshotID(early.rawValue) == early)
        #expect(SnapshotID("../etc") == nil)
    }

    @Test func layoutKeysCarryOnlyTheID() {
        let layout = StoreLayout(prefix: "bunker/")
        let id = SnapshotID("20231114T221320Z-000001")!
        #expect(layout.archiveKey(id) == "bunker/archives/20231114T221320Z-000001.bkr")
        #expect(layout.snapshotID(fromCatalogKey: layout.catalogKey(id)) == id)
        #expect(layout.snapshotID(fromCatalogKey: "bunker/catalog/junk.json") == nil)
    }

    @Test func rateLimiterHalvesOnThrottleAndRecovers() {
        let limiter = RateLimiter(requestsPerSecond: 40, sleep: { _ in })
        limiter.record(throttled: true)
        #expect(limiter.currentRate == 20)
        limiter.record(throttled: true)
        limiter.record(throttled: true)
        #expect(limiter.currentRate == 5)
        for _ in 0..<200 { limiter.record(throttled: false) }
        #expect(limiter.currentRate == 40)
    }

    @Test func shippedExampleConfig_loads() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/bunker.json").path
        let config = try ConfigLoader.load(path: example)
        #expect(config.retention.policyPath == "/etc/bunker/policies/retention/standard.json")
        #expect(config.restore.kmsKeys["eu-west-1"]?["*"] == "alias/bunker-dr-secrets")
        #expect(config.replica?.bucket == "acme-dr-replica")
    }

    @Test func relativeRetentionPolicy_isResolvedAgainstTheConfigDirectory() throws {
        let text = #"{"source":{"region":"eu-north-1","tags":{"a":"b"}},"kms":{"keyId":"k"},"#
            + #""store":{"region":"eu-north-1","bucket":"bkt-1"},"#
            + #""retention":{"policy":"policies/p.json","leftoverGraceHours":2}}"#
        let config = try ConfigLoader.parse(Data(text.utf8), path: "/etc/bunker/bunker.json")
        #expect(config.retention.policyPath == "/etc/bunker/policies/p.json")
        #expect(config.retention.leftoverGrace == 7200)
    }

    @Test func quotaPacerSlowsOnlyTheThrottledQuotaGroup() {
        let pacer = QuotaPacer(share: 0.5, sleep: { _ in })
        #expect(pacer.currentRate("ListSecretVersionIds") == 25)
        #expect(pacer.currentRate("ListSecrets") == 50)
        pacer.record("ListSecretVersionIds", throttled: true)
        #expect(pacer.currentRate("ListSecretVersionIds") == 12.5)
        #expect(pacer.currentRate("ListSecrets") == 50)
        pacer.record("UpdateSecret", throttled: true)
        #expect(pacer.currentRate("PutSecretValue") == 12.5, "same quota group as UpdateSecret")
        #expect(pacer.currentRate("GetSecretValue") == 5000)
    }

    @Test func workPoolKeepsOrderAndBoundsConcurrency() {
        let counter = InFlightCounter()
        let results = WorkPool(width: 3).map(Array(0..<30)) { item -> Int in
            counter.enter()
            Thread.sleep(forTimeInterval: 0.005)
            counter.leave()
            return item * 2
        }
        #expect(results == Array(0..<30).map { $0 * 2 })
        #expect(counter.peak <= 3)
        #expect(counter.peak >= 2)
    }
}

final class InFlightCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var peak = 0

    func enter() {
        lock.lock()
        current += 1
        peak = max(peak, current)
        lock.unlock()
    }

    func leave() {
        lock.lock()
        current -= 1
        lock.unlock()
    }
}
