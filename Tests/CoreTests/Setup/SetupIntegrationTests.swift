import BunkerJSON
@testable import BunkerAWS
@testable import BunkerCore
import Foundation
import Testing
import TestSupport

/// `BucketSetup` against moto, as the least-privilege `bunker-setup` user
/// (policies/iam/bunker-setup.json); the admin seeds buckets and reads the results.
@Suite(.enabled(if: MotoWorld.isAvailable))
struct SetupIntegrationTests {
    static let region = "eu-north-1"
    static let kmsKey =
        "arn:aws:kms:eu-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

    let world: MotoWorld
    let setup: S3Client
    let admin: S3Client

    init() throws {
        world = try #require(MotoWorld.current)
        setup = try AWSServices(environment: world.setupEnvironment).s3(region: Self.region)
        admin = try AWSServices(environment: world.adminEnvironment).s3(region: Self.region)
    }

    /// A bucket name no other test uses, allowed by the shipped policies (`acme-dr-*`).
    static func freshBucket() -> String {
        "acme-dr-init-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func requirements(_ bucket: String, objectLock: Bool = false) -> BucketRequirements {
        BucketRequirements(bucket: bucket, region: region, kmsKeyId: kmsKey, objectLock: objectLock)
    }

    func run(_ bucket: String, objectLock: Bool = false, checkOnly: Bool) -> BucketReport {
        BucketSetup.run(
            Self.requirements(bucket, objectLock: objectLock), s3: setup, checkOnly: checkOnly)
    }

    func statuses(_ report: BucketReport) -> [String: SetupStatus] {
        Dictionary(uniqueKeysWithValues: report.items.map { ($0.name, $0.status) })
    }

    /// Fails the test with every item that is not `expected`, details included.
    func expectAll(_ report: BucketReport, _ expected: SetupStatus, except: [SetupCheck] = []) {
        let names = Set(except.map(\.rawValue))
        #expect(report.items.map(\.name) == SetupCheck.allCases.map(\.rawValue))
        for item in report.items where !names.contains(item.name) {
            #expect(item.status == expected, "\(item.name): \(item.status) – \(item.detail)")
        }
    }

    // MARK: - A fresh bucket

    @Test func freshBucket_isPrepared_thenChecksOK_andASecondRunChangesNothing() throws {
        let bucket = Self.freshBucket()

        let first = run(bucket, checkOnly: false)
        #expect(first.isReady)
        #expect(first.item(.bucket)?.status == .changed)
        #expect(first.item(.objectLock)?.status == .ok, "not required, not enabled")
        let changed: [SetupCheck] = [
            .versioning, .publicAccessBlock, .encryption, .lifecycle, .bucketPolicy,
        ]
        for check in changed {
            let item = first.item(check)
            #expect(item?.status == .changed, "\(check): \(item?.detail ?? "")")
        }

        let check = run(bucket, checkOnly: true)
        expectAll(check, .ok)
        #expect(check.isReady && !check.changedAnything)

        let second = run(bucket, checkOnly: false)
        expectAll(second, .ok)
        #expect(!second.changedAnything)

        // What S3 now holds, read by the admin.
        #expect(try admin.bucketRegion(bucket) == Self.region)
        #expect(try admin.bucketVersioning(bucket) == .enabled)
        #expect(try admin.objectLockConfiguration(bucket) == nil)
        #expect(try admin.publicAccessBlock(bucket) == .allBlocked)
        #expect(try admin.bucketEncryption(bucket) == S3Client.BucketEncryption(
            algorithm: "aws:kms", kmsKeyId: Self.kmsKey, bucketKeyEnabled: true))
        let rules = try admin.bucketLifecycle(bucket).rules
        #expect(rules.map { $0.childText("ID") } == ["bunker-abort-incomplete-multipart"])
        #expect(!rules.contains { $0.child("NoncurrentVersionExpiration") != nil })
        let policy = try #require(try admin.bucketPolicy(bucket))
        #expect(String(decoding: policy, as: UTF8.self).contains("\"BunkerDenyInsecureTransport\""))
    }

    @Test func objectLockRequired_onAFreshBucket_createsItLocked_withoutDefaultRetention() throws {
        let bucket = Self.freshBucket()
        let report = run(bucket, objectLock: true, checkOnly: false)
        #expect(report.isReady)
        #expect(report.item(.bucket)?.detail.contains("with Object Lock") == true)
        #expect(report.item(.objectLock)?.status == .changed)

        let lock = try #require(try admin.objectLockConfiguration(bucket))
        #expect(lock.enabled)
        #expect(lock.defaultRetention == nil)
        #expect(try admin.bucketVersioning(bucket) == .enabled)
        expectAll(run(bucket, objectLock: true, checkOnly: true), .ok)
    }

    @Test func checkOnly_onAMissingBucket_reportsEverythingWrong_andCreatesNothing() throws {
        let bucket = Self.freshBucket()
        let report = run(bucket, checkOnly: true)
        expectAll(report, .wrong)
        #expect(report.item(.bucket)?.detail.contains("does not exist") == true)
        #expect(try admin.bucketRegion(bucket) == nil)
    }

    // MARK: - Existing buckets

    @Test func checkOnly_withVersioningOff_reportsItWrong_andChangesNothing() throws {
        let bucket = Self.freshBucket()
        try admin.createBucket(bucket)

        let report = run(bucket, checkOnly: true)
        #expect(report.item(.bucket)?.status == .ok)
        #expect(report.item(.versioning)?.status == .wrong)
        #expect(report.item(.versioning)?.detail.contains("never enabled") == true)
        #expect(!report.isReady && !report.changedAnything)
        #expect(!report.items.contains { $0.status == .failed }, "\(report.items)")

        #expect(try admin.bucketVersioning(bucket) == .neverEnabled)
        #expect(try admin.publicAccessBlock(bucket) == nil)
        #expect(try admin.bucketEncryption(bucket) == nil)
        #expect(try admin.bucketLifecycle(bucket).rules.isEmpty)
        #expect(try admin.bucketPolicy(bucket) == nil)
    }

    @Test func foreignLifecycleRulesAndPolicyStatements_surviveInit() throws {
        let bucket = Self.freshBucket()
        try admin.createBucket(bucket)
        let foreignRules = [
            S3Client.XMLFragment("Rule", children: [
                .init("ID", text: "logs-expire"),
                .init("Filter", children: [.init("Prefix", text: "logs/")]),
                .init("Status", text: "Enabled"),
                .init("Expiration", children: [.init("Days", text: "30")]),
            ]),
            S3Client.XMLFragment("Rule", children: [
                .init("ID", text: "tidy-versions"),
                .init("Filter", children: [.init("Prefix", text: "tmp/")]),
                .init("Status", text: "Disabled"),
                .init("NoncurrentVersionExpiration", children: [
                    .init("NoncurrentDays", text: "5"),
                ]),
            ]),
        ]
        try admin.putBucketLifecycle(bucket, S3Client.LifecycleConfiguration(rules: foreignRules))
        let foreignStatement = """
            {"Sid":"AllowAuditorRead","Effect":"Allow",\
            "Principal":{"AWS":"arn:aws:iam::123456789012:role/auditor"},\
            "Action":"s3:GetObject","Resource":"arn:aws:s3:::\(bucket)/reports/*"}
            """
        let policy = "{\"Version\":\"2012-10-17\",\"Statement\":[\(foreignStatement)]}"
        try admin.putBucketPolicy(bucket, policy: Data(policy.utf8))

        let report = run(bucket, checkOnly: false)
        #expect(report.isReady, "\(report.items)")
        let lifecycle = try #require(report.item(.lifecycle))
        #expect(lifecycle.status == .changed)
        #expect(lifecycle.detail.contains("kept 2 other rules"))
        #expect(lifecycle.detail.contains(
            "warning: rule tidy-versions expires noncurrent versions"))
        #expect(report.item(.bucketPolicy)?.detail.contains("kept 1 other statement") == true)

        let ids = try admin.bucketLifecycle(bucket).rules.map { $0.childText("ID") }
        #expect(ids == ["logs-expire", "tidy-versions", "bunker-abort-incomplete-multipart"])
        let written = try JSONValue.parse(try #require(try admin.bucketPolicy(bucket)))
        guard case let .array(statements)? = written["Statement"] else {
            Issue.record("the policy has no statement list")
            return
        }
        #expect(statements.first == (try JSONValue.parse(Data(foreignStatement.utf8))))
        #expect(statements.map { $0["Sid"]?.stringValue }
            == ["AllowAuditorRead", "BunkerDenyInsecureTransport"])

        expectAll(run(bucket, checkOnly: false), .ok)
    }

    @Test func objectLockRequired_onAnExistingEmptyBucket_isTurnedOnAfterVersioning() throws {
        let bucket = Self.freshBucket()
        try admin.createBucket(bucket)

        let check = run(bucket, objectLock: true, checkOnly: true)
        #expect(check.item(.objectLock)?.status == .wrong)
        #expect(try admin.objectLockConfiguration(bucket) == nil)

        let report = run(bucket, objectLock: true, checkOnly: false)
        #expect(report.item(.versioning)?.status == .changed)
        let lockItem = report.item(.objectLock)
        #expect(lockItem?.status == .changed, "\(lockItem?.detail ?? "")")
        let lock = try #require(try admin.objectLockConfiguration(bucket))
        #expect(lock.enabled && lock.defaultRetention == nil)
    }

    /// moto refuses Object Lock on a bucket that holds objects (AWS allows it once
    /// versioning is on), which is a handy way to see the refusal reported.
    @Test func objectLockRefusedByS3_failsThatItemWithAConfigurationError_andDoesTheRest() throws {
        let bucket = Self.freshBucket()
        try admin.createBucket(bucket)
        try admin.putBucketVersioning(bucket, enabled: true)
        _ = try admin.putObject(bucket: bucket, key: "already-here", body: Data("x".utf8))

        let report = run(bucket, objectLock: true, checkOnly: false)
        let item = try #require(report.item(.objectLock))
        #expect(item.status == .failed)
        #expect(item.code == "objectLockUnavailable")
        #expect(item.detail.contains("has no Object Lock and the retention policy asks for it"))
        #expect(!report.isReady && report.hasConfigurationProblem)
        for check in [SetupCheck.publicAccessBlock, .encryption, .lifecycle, .bucketPolicy] {
            #expect(report.item(check)?.status == .changed)
        }
    }

    @Test func existingDefaultRetention_isReported_andLeftAsIs() throws {
        let bucket = Self.freshBucket()
        try admin.createBucket(bucket, objectLockEnabled: true)
        try admin.putConfiguration(
            "PutObjectLockConfiguration", bucket: bucket, "object-lock",
            xml: admin.element("ObjectLockConfiguration", [
                .init("ObjectLockEnabled", text: "Enabled"),
                .init("Rule", children: [.init("DefaultRetention", children: [
                    .init("Mode", text: "GOVERNANCE"), .init("Days", text: "3"),
                ])]),
            ]))

        for checkOnly in [false, true] {
            let report = run(bucket, objectLock: true, checkOnly: checkOnly)
            let item = try #require(report.item(.objectLock))
            #expect(item.status == .ok)
            let retention = "default retention GOVERNANCE for 3 days"
            #expect(item.detail.contains(retention), "\(item.detail)")
        }
        let lock = try #require(try admin.objectLockConfiguration(bucket))
        #expect(lock.defaultRetention == S3Client.DefaultRetention(mode: "GOVERNANCE", days: 3))
    }

    @Test func bucketInAnotherRegion_failsWithTheRegionNamed() throws {
        let bucket = Self.freshBucket()
        let elsewhere = try AWSServices(environment: world.adminEnvironment).s3(region: "eu-west-1")
        try elsewhere.createBucket(bucket)

        let report = run(bucket, checkOnly: false)
        let item = try #require(report.item(.bucket))
        #expect(item.status == .failed)
        #expect(item.code == "bucketInOtherRegion")
        #expect(item.detail.contains("is in eu-west-1"))
        #expect(report.hasConfigurationProblem)
        #expect(report.items.dropFirst().allSatisfy { $0.status == .failed })
        #expect(try elsewhere.bucketVersioning(bucket) == .neverEnabled)
    }

    @Test func report_encodesAsJSON_withNameStatusDetail() throws {
        let report = run(Self.freshBucket(), checkOnly: true)
        let decoded = try JSONDecoder().decode(
            BucketReport.self, from: try JSONEncoder().encode(report))
        #expect(decoded == report)
    }
}
