import BunkerJSON
@testable import BunkerCore
import Foundation
import Testing

/// The TLS-only statement: recognised in the spellings AWS returns, merged without
/// touching anything else. No network.
@Suite struct SetupPolicyMergeTests {
    static let bucket = "acme-dr-primary"

    static func evaluate(_ json: String) throws -> DenyInsecureTransport.Finding {
        try DenyInsecureTransport.evaluate(
            Data(json.utf8), bucket: bucket, partition: "aws"
        ).finding
    }

    static func merged(_ json: String?) throws -> JSONValue {
        let data = try DenyInsecureTransport.merged(
            json.map { Data($0.utf8) }, bucket: bucket, partition: "aws")
        return try JSONValue.parse(data)
    }

    static var ours: JSONValue {
        DenyInsecureTransport.statement(bucket: bucket, partition: "aws")
    }

    static let foreign = """
        {"Sid":"AllowReplication","Effect":"Allow",
         "Principal":{"AWS":"arn:aws:iam::123456789012:role/replicator"},
         "Action":["s3:GetObjectVersion","s3:ListBucket"],
         "Resource":["arn:aws:s3:::acme-dr-primary","arn:aws:s3:::acme-dr-primary/*"],
         "Condition":{"NumericLessThan":{"s3:max-keys":10},"Bool":{"aws:MultiFactorAuthPresent":true}}}
        """

    @Test func noPolicy_isMissing_andMergesIntoAFreshDocument() throws {
        let evaluation = try DenyInsecureTransport.evaluate(
            nil, bucket: Self.bucket, partition: "aws")
        #expect(evaluation.finding == .missing)
        #expect(evaluation.otherStatements == 0)
        let document = try Self.merged(nil)
        #expect(document["Version"] == .string("2012-10-17"))
        #expect(document["Statement"] == .array([Self.ours]))
    }

    @Test func merge_keepsForeignStatementsAndTopLevelMembers_exactly() throws {
        let policy = """
            {"Version":"2008-10-17","Id":"corp-policy","Statement":[\(Self.foreign)]}
            """
        #expect(try Self.evaluate(policy) == .missing)
        let document = try Self.merged(policy)
        let foreign = try JSONValue.parse(Data(Self.foreign.utf8))
        #expect(document["Version"] == .string("2008-10-17"))
        #expect(document["Id"] == .string("corp-policy"))
        #expect(document["Statement"] == .array([foreign, Self.ours]))
        // Integers and booleans come back as such.
        let condition = foreign["Condition"]
        #expect(condition?["NumericLessThan"]?["s3:max-keys"] == .integer(10))
        #expect(condition?["Bool"]?["aws:MultiFactorAuthPresent"] == .bool(true))
    }

    @Test func merge_isIdempotent_andThenEvaluatesPresent() throws {
        let once = try DenyInsecureTransport.merged(
            Data("{\"Version\":\"2012-10-17\",\"Statement\":[\(Self.foreign)]}".utf8),
            bucket: Self.bucket, partition: "aws")
        let twice = try DenyInsecureTransport.merged(once, bucket: Self.bucket, partition: "aws")
        #expect(once == twice)
        let evaluation = try DenyInsecureTransport.evaluate(
            once, bucket: Self.bucket, partition: "aws")
        #expect(evaluation.finding == .present)
        #expect(evaluation.otherStatements == 1)
    }

    @Test func singleStatementObject_isAccepted_andBecomesAList() throws {
        let document = try Self.merged("{\"Version\":\"2012-10-17\",\"Statement\":\(Self.foreign)}")
        guard case let .array(statements)? = document["Statement"] else {
            Issue.record("Statement is not a list")
            return
        }
        #expect(statements.count == 2)
    }

    @Test(arguments: [
        // AWS's own reformatting: lists of one, {"AWS": "*"}, other order, a JSON boolean.
        """
        {"Statement":[{"Condition":{"Bool":{"aws:SecureTransport":["false"]}},
         "Resource":["arn:aws:s3:::acme-dr-primary/*","arn:aws:s3:::acme-dr-primary"],
         "Action":["s3:*"],"Principal":{"AWS":"*"},"Effect":"Deny","Sid":"BunkerDenyInsecureTransport"}]}
        """,
        """
        {"Statement":[{"Sid":"BunkerDenyInsecureTransport","Effect":"Deny","Principal":{"AWS":["*"]},
         "Action":"s3:*","Resource":["arn:aws:s3:::acme-dr-primary","arn:aws:s3:::acme-dr-primary/*"],
         "Condition":{"Bool":{"aws:SecureTransport":false}}}]}
        """,
    ])
    func equivalentSpellings_arePresent(_ policy: String) throws {
        #expect(try Self.evaluate(policy) == .present)
    }

    @Test(arguments: [
        ("Effect", #""Allow""#),
        ("Action", #""s3:GetObject""#),
        ("Resource", #"["arn:aws:s3:::acme-dr-primary/*"]"#),
        ("Resource", #"["arn:aws:s3:::acme-dr-other","arn:aws:s3:::acme-dr-other/*"]"#),
        ("Principal", #"{"AWS":"arn:aws:iam::123456789012:root"}"#),
        ("Condition", #"{"Bool":{"aws:SecureTransport":"true"}}"#),
        ("Condition", #"{"Bool":{"aws:SecureTransport":"false"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#),
        ("NotAction", #""s3:GetObject""#),
    ])
    func changedStatement_differs_andIsReplacedInPlace(field: String, value: String) throws {
        guard case var .object(members) = Self.ours else { return }
        members[field] = try JSONValue.parse(Data(value.utf8))
        let stale = String(decoding: JSONValue.object(members).serialized(), as: UTF8.self)
        let policy = "{\"Version\":\"2012-10-17\",\"Statement\":[\(stale),\(Self.foreign)]}"
        #expect(try Self.evaluate(policy) == .differs)

        let document = try Self.merged(policy)
        let foreign = try JSONValue.parse(Data(Self.foreign.utf8))
        #expect(document["Statement"] == .array([Self.ours, foreign]))
    }

    @Test func duplicateBunkerStatements_collapseIntoOne() throws {
        let ours = String(decoding: Self.ours.serialized(), as: UTF8.self)
        let policy = "{\"Statement\":[\(ours),\(Self.foreign),\(ours)]}"
        #expect(try Self.evaluate(policy) == .differs)
        let document = try Self.merged(policy)
        let foreign = try JSONValue.parse(Data(Self.foreign.utf8))
        #expect(document["Statement"] == .array([Self.ours, foreign]))
    }

    @Test func statementWithAnotherSid_isLeftAlone_evenWhenItSaysTheSame() throws {
        guard case var .object(members) = Self.ours else { return }
        members["Sid"] = .string("DenyInsecureTransport")
        let older = String(decoding: JSONValue.object(members).serialized(), as: UTF8.self)
        let policy = "{\"Statement\":[\(older)]}"
        #expect(try Self.evaluate(policy) == .missing)
        #expect(try Self.merged(policy)["Statement"] == .array([.object(members), Self.ours]))
    }

    @Test(arguments: ["not json", "[1,2]", "{\"Statement\":\"s3:*\"}"])
    func unreadablePolicy_throws_andIsNeverRewritten(_ policy: String) {
        #expect(throws: SetupError.self) { try Self.evaluate(policy) }
        #expect(throws: SetupError.self) { try Self.merged(policy) }
    }

    @Test func partitions_followTheRegion() {
        #expect(DenyInsecureTransport.partition(region: "eu-north-1") == "aws")
        #expect(DenyInsecureTransport.partition(region: "cn-north-1") == "aws-cn")
        #expect(DenyInsecureTransport.partition(region: "us-gov-west-1") == "aws-us-gov")
        #expect(DenyInsecureTransport.resources(bucket: "b", partition: "aws-cn")
            == ["arn:aws-cn:s3:::b", "arn:aws-cn:s3:::b/*"])
    }
}
