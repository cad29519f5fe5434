import BunkerJSON
import BunkerAWS
@testable import BunkerCore
import Foundation
import Testing

/// Encryption and region comparisons, and the operator's copies in policies/s3 matching
/// what init writes. No network.
@Suite struct SetupRequirementTests {
    typealias Encryption = S3Client.BucketEncryption
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let keyArn = "arn:aws:kms:eu-north-1:123456789012:key/\(keyId)"

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func policyFile(_ name: String) throws -> Data {
        try Data(contentsOf: repository.appendingPathComponent("policies/s3/\(name)"))
    }

    @Test func encryption_isRight_onlyForSSEKMSWithTheKeyAndBucketKey() {
        let right = Encryption(algorithm: "aws:kms", kmsKeyId: Self.keyId, bucketKeyEnabled: true)
        #expect(EncryptionRequirement.isRight(right, kmsKeyId: Self.keyId))
        #expect(EncryptionRequirement.isRight(
            Encryption(algorithm: "aws:kms", kmsKeyId: Self.keyArn, bucketKeyEnabled: true),
            kmsKeyId: Self.keyId))
        #expect(EncryptionRequirement.isRight(right, kmsKeyId: Self.keyArn))

        #expect(!EncryptionRequirement.isRight(nil, kmsKeyId: Self.keyId))
        #expect(!EncryptionRequirement.isRight(
            Encryption(algorithm: "AES256", bucketKeyEnabled: true), kmsKeyId: Self.keyId))
        #expect(!EncryptionRequirement.isRight(
            Encryption(algorithm: "aws:kms", kmsKeyId: nil, bucketKeyEnabled: true),
            kmsKeyId: Self.keyId))
        #expect(!EncryptionRequirement.isRight(
            Encryption(algorithm: "aws:kms", kmsKeyId: "alias/other", bucketKeyEnabled: true),
            kmsKeyId: Self.keyId))
        #expect(!EncryptionRequirement.isRight(
            Encryption(algorithm: "aws:kms", kmsKeyId: Self.keyId, bucketKeyEnabled: false),
            kmsKeyId: Self.keyId))
        #expect(!EncryptionRequirement.isRight(
            Encryption(algorithm: "aws:kms:dsse", kmsKeyId: Self.keyId, bucketKeyEnabled: true),
            kmsKeyId: Self.keyId))
    }

    @Test func encryption_descriptionsNameAlgorithmAndKey() {
        #expect(EncryptionRequirement.describe(nil) == "none")
        #expect(EncryptionRequirement.describe(Encryption(algorithm: "AES256"))
            == "SSE-S3 (AES256)")
        #expect(EncryptionRequirement.describe(EncryptionRequirement.wanted(kmsKeyId: "k"))
            == "SSE-KMS with key k, bucket key on")
    }

    @Test func locationConstraints_becomeRegionNames() {
        #expect(S3Client.regionName(locationConstraint: "") == "us-east-1")
        #expect(S3Client.regionName(locationConstraint: "EU") == "eu-west-1")
        #expect(S3Client.regionName(locationConstraint: "eu-north-1") == "eu-north-1")
    }

    @Test func wrongRegionAnswers_yieldTheBucketsRegion_whenS3NamesIt() {
        let malformed = AWSError.service(
            code: "AuthorizationHeaderMalformed",
            message: "The authorization header is malformed; the region 'eu-north-1' is wrong; "
                + "expecting 'us-west-2'",
            status: 400, requestId: nil)
        #expect(BucketSteps.expectedRegion(malformed) == "us-west-2")
        let redirect = AWSError.service(
            code: "PermanentRedirect", message: "must be addressed using the specified endpoint",
            status: 301, requestId: nil)
        #expect(BucketSteps.expectedRegion(redirect) == nil)
    }

    @Test func configurationProblems_areTheOnesOnlyTheOperatorCanFix() {
        let denied = AWSError.service(
            code: "AccessDenied", message: "", status: 403, requestId: nil)
        let operatorFixes: [SetupError] = [
            .bucketNameTaken(bucket: "b"), .bucketAccessDenied(bucket: "b", error: denied),
            .bucketInOtherRegion(bucket: "b", wanted: "eu-north-1", actual: nil),
            .objectLockUnavailable(bucket: "b", reason: "r"),
            .unreadableBucketPolicy(bucket: "b", reason: "r"),
        ]
        let others: [SetupError] = [
            .versioningNeededForObjectLock(bucket: "b"),
            .aws(bucket: "b", action: "read the versioning state", error: denied),
        ]
        let fixable = operatorFixes.filter { $0.isConfigurationProblem }.count
        let notFixable = others.filter { $0.isConfigurationProblem }.count
        let codes = Set((operatorFixes + others).map { $0.code })
        #expect(fixable == operatorFixes.count)
        #expect(notFixable == 0)
        #expect(codes.count == 7)
    }

    @Test func denyInsecureTransportFile_isWhatInitWrites() throws {
        let data = try Self.policyFile("deny-insecure-transport.json")
        let text = String(decoding: data, as: UTF8.self)
        let file = try JSONValue.parse(
            Data(text.replacingOccurrences(of: "BUCKET", with: "acme-dr-x").utf8))
        let written = try JSONValue.parse(
            try DenyInsecureTransport.merged(nil, bucket: "acme-dr-x", partition: "aws"))
        #expect(file == written)
    }

    @Test func lifecycleFile_isTheRuleInitWrites() throws {
        let file = try JSONValue.parse(
            try Self.policyFile("lifecycle-abort-incomplete-multipart.json"))
        let rule = AbortIncompleteUploadsRule.rule
        guard case let .array(rules)? = file["Rules"], rules.count == 1 else {
            Issue.record("Rules is not a list of one")
            return
        }
        #expect(rules[0]["ID"] == .string(try #require(AbortIncompleteUploadsRule.ruleID(rule))))
        #expect(rules[0]["Status"] == .string("Enabled"))
        #expect(rules[0]["Filter"] == .object([:]))
        #expect(rules[0]["AbortIncompleteMultipartUpload"]
            == .object(["DaysAfterInitiation": .integer(Int64(AbortIncompleteUploadsRule.days))]))
        #expect(rules[0].objectValue?.count == 4)
    }

    @Test func publicAccessBlockFile_turnsAllFourOn() throws {
        let file = try JSONValue.parse(try Self.policyFile("public-access-block.json"))
        let expected = S3Client.PublicAccessBlock.allBlocked.flags.map {
            ($0.name, JSONValue.bool($0.value))
        }
        #expect(file == .object(Dictionary(uniqueKeysWithValues: expected)))
    }
}
