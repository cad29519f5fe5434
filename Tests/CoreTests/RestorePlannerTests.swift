@testable import BunkerCore
import Foundation
import Testing

/// The restore planner, pure: snapshot document + live secret → actions and calls.
@Suite struct RestorePlannerTests {
    let planner = RestorePlanner(sourceRegion: "eu-north-1")
    let target = RestoreTarget(name: "app/db", region: "eu-north-1", kmsKeyId: nil)
    let staging = RestorePlanner.stagingLabel

    func version(
        _ id: String, _ stages: [String], value: String? = "v", created: String? = nil
    ) -> SecretVersionRecord {
        SecretVersionRecord(
            id: id, stages: stages, created: created,
            valueSource: value == nil ? .unavailable : .captured, carriedFrom: nil,
            unavailableReason: value == nil ? "gone" : nil, secretString: value, secretBinary: nil)
    }

    func document(
        _ versions: [SecretVersionRecord], tags: [String: String] = ["Backup": "true"],
        description: String? = "db", primaryRegion: String? = nil
    ) -> SecretDocument {
        SecretDocument(
            name: "app/db", arn: "arn:aws:secretsmanager:eu-north-1:1:secret:app/db-AbCdEf",
            description: description, kmsKeyId: nil,
            tags: tags.sorted { $0.key < $1.key }.map { SecretDocument.Tag(key: $0.key, value: $0.value) },
            rotation: SecretDocument.Rotation(enabled: false), primaryRegion: primaryRegion,
            replication: [], created: nil, lastChanged: nil, deleted: nil,
            scheduledForDeletion: false, versions: versions)
    }

    func live(
        _ versions: [String: [String]], tags: [String: String] = ["Backup": "true"],
        description: String? = "db", deleted: Date? = nil
    ) -> LiveSecret {
        LiveSecret(
            name: "app/db", arn: "arn:live", description: description, tags: tags,
            deletedDate: deleted, versions: versions)
    }

    @Test func missingSecret_isCreated_withEveryVersionUnderItsIdAndTheLabelsPutBack() {
        let doc = document([
            version("v1", [], created: "2026-01-01T00:00:00Z"),
            version("v2", ["AWSPREVIOUS"], created: "2026-02-01T00:00:00Z"),
            version("v3", ["AWSCURRENT", "CANARY"], created: "2026-03-01T00:00:00Z"),
        ])
        let plan = planner.plan(doc, live: nil, target: target)
        #expect(plan.actions == [.create])
        #expect(plan.steps == [
            .createSecret(description: "db", kmsKeyId: nil, tags: doc.tags),
            .putVersion(id: "v1", stages: [staging]),
            .putVersion(id: "v2", stages: [staging]),
            .putVersion(id: "v3", stages: [staging]),
            // v1 got AWSCURRENT as the first version; moving it leaves AWSPREVIOUS on v1.
            .moveStage(stage: "AWSCURRENT", to: "v3", from: "v1"),
            .moveStage(stage: "AWSPREVIOUS", to: "v2", from: "v1"),
            .moveStage(stage: "CANARY", to: "v3", from: nil),
            .removeStage(stage: staging, from: "v3"),
        ])
    }

    @Test func interruptedCreation_isCompleted_notRolledBack() {
        let doc = document([version("v1", ["AWSPREVIOUS"]), version("v2", ["AWSCURRENT"])])
        let partial = live(["v1": ["AWSCURRENT", staging]])
        let plan = planner.plan(doc, live: partial, target: target)
        #expect(plan.actions == [.rollBackValue])
        #expect(plan.steps == [
            .putVersion(id: "v2", stages: [staging]),
            .moveStage(stage: "AWSCURRENT", to: "v2", from: "v1"),
            .removeStage(stage: staging, from: "v2"),
        ])
    }

    @Test func finishedCreation_isUnchanged() {
        let doc = document([version("v1", ["AWSPREVIOUS"]), version("v2", ["AWSCURRENT"])])
        let done = live(["v1": ["AWSPREVIOUS"], "v2": ["AWSCURRENT"]])
        let plan = planner.plan(doc, live: done, target: target)
        #expect(plan.actions == [.unchanged])
        #expect(plan.steps.isEmpty)
    }

    @Test func overwrittenValue_movesAWSCURRENTBack_whenTheVersionStillExists() {
        let doc = document([version("v1", ["AWSCURRENT"])])
        let now = live(["v1": ["AWSPREVIOUS"], "bad": ["AWSCURRENT"]])
        let plan = planner.plan(doc, live: now, target: target)
        #expect(plan.actions == [.rollBackValue])
        #expect(plan.steps == [.moveStage(stage: "AWSCURRENT", to: "v1", from: "bad")])
        #expect(plan.reasons.first?.contains("still present") == true)
    }

    @Test func overwrittenValue_isWrittenBackUnderItsId_whenTheVersionIsGone() {
        let doc = document([version("v1", ["AWSCURRENT"])])
        let now = live(["other": ["AWSPREVIOUS"], "bad": ["AWSCURRENT"]])
        let plan = planner.plan(doc, live: now, target: target)
        #expect(plan.steps == [
            .putVersion(id: "v1", stages: [staging]),
            .moveStage(stage: "AWSCURRENT", to: "v1", from: "bad"),
            .removeStage(stage: staging, from: "v1"),
        ])
    }

    @Test func secretRecreatedUnderTheSameName_getsEveryVersionAndCustomLabelBack() {
        let doc = document([version("v1", ["AWSCURRENT"]), version("v2", ["CANARY"])])
        let impostor = live(["imp": ["AWSCURRENT"]])
        let plan = planner.plan(doc, live: impostor, target: target)
        #expect(plan.steps == [
            .putVersion(id: "v1", stages: [staging]),
            .putVersion(id: "v2", stages: [staging]),
            .moveStage(stage: "AWSCURRENT", to: "v1", from: "imp"),
            .moveStage(stage: "CANARY", to: "v2", from: nil),
            .removeStage(stage: staging, from: "v2"),
        ])
        // Once done, the live secret keeps the impostor as AWSPREVIOUS, and nothing is left.
        let done = live(["imp": ["AWSPREVIOUS"], "v1": ["AWSCURRENT"], "v2": ["CANARY"]])
        #expect(planner.plan(doc, live: done, target: target).actions == [.unchanged])
    }

    @Test func secretScheduledForDeletionInTheSnapshot_isSkipped_unlessNamed() {
        var doc = document([version("v1", ["AWSCURRENT"])])
        doc.scheduledForDeletion = true
        let now = live(["v1": ["AWSCURRENT"]], deleted: Date(timeIntervalSince1970: 1_800_000_000))
        let plan = planner.plan(doc, live: now, target: target)
        #expect(plan.actions == [.skip])
        #expect(plan.reasons.first?.contains("--secret") == true)
        #expect(planner.plan(doc, live: now, target: target, reviveScheduled: true).actions
            == [.undelete])
    }

    @Test func secretThatNeverHadAValue_isRecreatedWithoutOne() {
        let doc = document([])
        let plan = planner.plan(doc, live: nil, target: target)
        #expect(plan.actions == [.create])
        #expect(plan.steps == [.createSecret(description: "db", kmsKeyId: nil, tags: doc.tags)])
    }

    @Test func scheduledForDeletion_isUndeletedFirst() {
        let doc = document([version("v1", ["AWSCURRENT"])])
        let now = live(["v1": ["AWSCURRENT"]], deleted: Date(timeIntervalSince1970: 1_800_000_000))
        let plan = planner.plan(doc, live: now, target: target)
        #expect(plan.actions == [.undelete])
        #expect(plan.steps == [.cancelDeletion])
    }

    @Test func descriptionAndTags_areSetBack_andTheReasonNamesTheKeys() {
        let doc = document([version("v1", ["AWSCURRENT"])], tags: ["Backup": "true", "Owner": "a"])
        let now = live(["v1": ["AWSCURRENT"]], tags: ["Backup": "true", "Owner": "b", "Extra": "1"],
                       description: "changed")
        let plan = planner.plan(doc, live: now, target: target)
        #expect(plan.actions == [.updateMetadata])
        #expect(plan.steps == [
            .setDescription("db"),
            .addTags([SecretDocument.Tag(key: "Owner", value: "a")]),
            .removeTags(["Extra"]),
        ])
        #expect(plan.reasons == ["description differs; tags differ (~Owner -Extra)"])
    }

    @Test func reservedAWSTags_areNeitherWrittenNorRemoved() {
        let doc = document(
            [version("v1", ["AWSCURRENT"])], tags: ["Backup": "true", "aws:cloudformation:stack-name": "s"])
        let created = planner.plan(doc, live: nil, target: target)
        #expect(created.steps.first == .createSecret(
            description: "db", kmsKeyId: nil, tags: [SecretDocument.Tag(key: "Backup", value: "true")]))
        let now = live(["v1": ["AWSCURRENT"]], tags: ["Backup": "true", "aws:other": "x"])
        #expect(planner.plan(doc, live: now, target: target).actions == [.unchanged])
    }

    @Test func replica_isSkippedWithAdvice() {
        let doc = document([version("v1", ["AWSCURRENT"])], primaryRegion: "us-east-1")
        let plan = planner.plan(doc, live: nil, target: target)
        #expect(plan.actions == [.skip])
        #expect(plan.steps.isEmpty)
        #expect(plan.reasons.first?.contains("restore the primary in us-east-1") == true)
    }

    @Test func snapshotWithoutAnyValue_cannotRecreate() {
        let doc = document([version("v1", ["AWSCURRENT"], value: nil)])
        #expect(planner.plan(doc, live: nil, target: target).actions == [.skip])
    }

    @Test func pendingOnlySecret_keepsTheCurrentLabelSecretsManagerInsists_on() {
        let doc = document([version("p1", ["AWSPENDING"])])
        let plan = planner.plan(doc, live: nil, target: target)
        #expect(plan.steps.contains(.moveStage(stage: "AWSPENDING", to: "p1", from: nil)))
        #expect(!plan.steps.contains { if case .removeStage("AWSCURRENT", _) = $0 { return true }; return false })
        #expect(plan.notes.contains { $0.contains("no AWSCURRENT") })
    }

    @Test func versionWithoutValue_isNotedAndLeftOut() {
        let doc = document([version("v1", ["AWSPREVIOUS"], value: nil), version("v2", ["AWSCURRENT"])])
        let plan = planner.plan(doc, live: nil, target: target)
        #expect(!plan.steps.contains(.putVersion(id: "v1", stages: [staging])))
        #expect(plan.notes.contains { $0.contains("v1") })
    }
}

@Suite struct PointInTimeTests {
    func entry(_ id: String) -> CatalogEntry {
        let time = id.prefix(16)
        let iso = "\(time.prefix(4))-\(time.dropFirst(4).prefix(2))-\(time.dropFirst(6).prefix(2))T"
            + "\(time.dropFirst(9).prefix(2)):\(time.dropFirst(11).prefix(2)):\(time.dropFirst(13).prefix(2))Z"
        return CatalogEntry(
            format: 1, id: id, time: iso, secretCount: 1, versionCount: 1, failedSecretCount: 0,
            size: 1, sha256: "", archiveKey: "k", archiveVersionId: nil, kmsKeyId: "k")
    }

    var catalog: [CatalogEntry] {
        ["20261120T230000Z-aaaaaa", "20261119T230000Z-bbbbbb", "20261121T010000Z-cccccc"].map(entry)
    }

    @Test(arguments: [
        ("2026-11-20", "20261120T230000Z-aaaaaa"),
        ("2026-11-20T23:00:00Z", "20261120T230000Z-aaaaaa"),
        ("2026-11-20T22:59:59Z", "20261119T230000Z-bbbbbb"),
        ("2026-11-21T01:30:00+01:00", "20261120T230000Z-aaaaaa"),
        ("2026-11-21T02:00:00+01:00", "20261121T010000Z-cccccc"),
        ("latest", "20261121T010000Z-cccccc"),
        ("20261119T230000Z-bbbbbb", "20261119T230000Z-bbbbbb"),
    ])
    func selectsTheNewestSnapshotAtOrBefore(text: String, expected: String) throws {
        #expect(try PointInTime.parse(text).select(from: catalog).id == expected)
    }

    @Test func bareDate_isTheEndOfThatDayInUTC() throws {
        #expect(try PointInTime.parse("2026-11-20").instant
            == Timestamps.parseInstant("2026-11-20T23:59:59Z"))
    }

    @Test func beforeTheFirstSnapshot_namesTheEarliest() {
        #expect {
            try PointInTime.parse("2026-11-18").select(from: catalog)
        } throws: { "\($0)".contains("20261119T230000Z-bbbbbb") }
    }

    @Test(arguments: ["yesterday", "2026-13-01", "2026-11-20 23:00", "20261120T230000Z"])
    func nonsense_isRejectedNamingTheForms(text: String) {
        #expect { try PointInTime.parse(text) } throws: { "\($0)".contains("ISO 8601") }
    }
}

@Suite struct RestoreSelectionTests {
    let tags = [SecretDocument.Tag(key: "Team", value: "pay")]

    @Test func patternsAndTagsNarrowTheSelection() throws {
        #expect(RestoreSelection.all.matches(name: "x", tags: []))
        let globbed = RestoreSelection(patterns: ["prod/*"], tags: [:])
        #expect(globbed.matches(name: "prod/db/master", tags: []))
        #expect(!globbed.matches(name: "dev/db", tags: []))
        let exact = RestoreSelection(patterns: ["a+b=c[1]"], tags: [:])
        #expect(exact.matches(name: "a+b=c[1]", tags: []))
        let tagged = RestoreSelection(patterns: [], tags: try RestoreSelection.tags(from: ["Team=pay"]))
        #expect(tagged.matches(name: "x", tags: tags))
        #expect(!tagged.matches(name: "x", tags: []))
        #expect(throws: BunkerError.self) { try RestoreSelection.tags(from: ["Team"]) }
    }

    @Test func kmsKeys_areKeptInTheSourceRegion_andMustBeMappedElsewhere() throws {
        let mapping = KMSKeyMapping(
            table: ["eu-west-1": ["alias/app": "alias/app-dr"]], sourceRegion: "eu-north-1")
        #expect(try mapping.key(for: "alias/app", in: "eu-north-1") == "alias/app")
        #expect(try mapping.key(for: "alias/app", in: "eu-west-1") == "alias/app-dr")
        #expect(try mapping.key(for: nil, in: "eu-west-1") == nil)
        #expect(try mapping.key(for: "alias/aws/secretsmanager", in: "eu-west-1") == "alias/aws/secretsmanager")
        #expect { try mapping.key(for: "alias/other", in: "eu-west-1") } throws: {
            "\($0)".contains("restore.kmsKeys.eu-west-1")
        }
    }
}
