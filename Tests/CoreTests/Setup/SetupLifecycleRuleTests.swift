import BunkerAWS
@testable import BunkerCore
import Foundation
import Testing

/// The abort-incomplete-uploads rule: recognised, merged without touching other rules,
/// and other rules survive the XML round trip. No network.
@Suite struct SetupLifecycleRuleTests {
    typealias Rule = S3Client.XMLFragment

    static func rules(_ xml: String) throws -> [Rule] {
        let document = "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + xml + "</LifecycleConfiguration>"
        let root = try #require(XMLTree.parse(Data(document.utf8)))
        return root.children(named: "Rule").map(Rule.init)
    }

    static let foreign = """
        <Rule><ID>logs-expire</ID><Filter><And><Prefix>logs/</Prefix>\
        <Tag><Key>team</Key><Value>a &amp; b</Value></Tag></And></Filter><Status>Enabled</Status>\
        <Transition><Days>30</Days><StorageClass>GLACIER</StorageClass></Transition>\
        <Expiration><Days>365</Days></Expiration></Rule>
        """

    static let ours = """
        <Rule><ID>bunker-abort-incomplete-multipart</ID><Filter/><Status>Enabled</Status>\
        <AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation>\
        </AbortIncompleteMultipartUpload></Rule>
        """

    @Test func bunkersRule_isPresent_inEveryWholeBucketSpelling() throws {
        #expect(AbortIncompleteUploadsRule.evaluate([AbortIncompleteUploadsRule.rule]) == .present)
        let spellings = [
            Self.ours,
            Self.ours.replacingOccurrences(
                of: "<Filter/>", with: "<Filter><Prefix></Prefix></Filter>"),
            Self.ours.replacingOccurrences(of: "<Filter/>", with: "<Prefix></Prefix>"),
            Self.ours.replacingOccurrences(of: "<Filter/>", with: ""),
            // moto puts elements in another order.
            """
            <Rule><AbortIncompleteMultipartUpload><DaysAfterInitiation>1</DaysAfterInitiation>\
            </AbortIncompleteMultipartUpload><ID>bunker-abort-incomplete-multipart</ID>\
            <Filter/><Status>Enabled</Status></Rule>
            """,
        ]
        for xml in spellings {
            #expect(AbortIncompleteUploadsRule.evaluate(try Self.rules(xml)) == .present, "\(xml)")
        }
    }

    @Test(arguments: [
        ("<Status>Enabled</Status>", "<Status>Disabled</Status>", "not enabled"),
        ("<Filter/>", "<Filter><Prefix>bunker/</Prefix></Filter>", "whole bucket"),
        ("<DaysAfterInitiation>1<", "<DaysAfterInitiation>7<", "after 1 day"),
        ("<Status>Enabled</Status>",
         "<Status>Enabled</Status><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>"
            + "</NoncurrentVersionExpiration>", "NoncurrentVersionExpiration"),
        ("<Status>Enabled</Status>",
         "<Status>Enabled</Status><Expiration><Days>30</Days></Expiration>", "Expiration"),
    ])
    func alteredRule_differs_sayingWhy(original: String, altered: String, reason: String) throws {
        let rules = try Self.rules(Self.ours.replacingOccurrences(of: original, with: altered))
        guard case let .differs(reasons) = AbortIncompleteUploadsRule.evaluate(rules) else {
            Issue.record("expected .differs")
            return
        }
        #expect(reasons.contains { $0.contains(reason) }, "\(reasons)")
    }

    @Test func merge_appendsTheRule_andKeepsOthersUnchanged() throws {
        let foreign = try Self.rules(Self.foreign + Self.foreign.replacingOccurrences(
            of: "logs-expire", with: "second"))
        let configuration = S3Client.LifecycleConfiguration(
            rules: foreign, transitionDefaultMinimumObjectSize: "varies_by_storage_class")
        #expect(AbortIncompleteUploadsRule.evaluate(foreign) == .missing)

        let merged = AbortIncompleteUploadsRule.merged(configuration)
        #expect(merged.rules == foreign + [AbortIncompleteUploadsRule.rule])
        #expect(merged.transitionDefaultMinimumObjectSize == "varies_by_storage_class")
        #expect(AbortIncompleteUploadsRule.merged(merged) == merged)
    }

    @Test func merge_replacesAStaleRuleInPlace_andDropsDuplicates() throws {
        let stale = Self.ours.replacingOccurrences(of: ">1<", with: ">9<")
        let rules = try Self.rules(stale + Self.foreign + stale)
        let merged = AbortIncompleteUploadsRule.merged(.init(rules: rules))
        #expect(merged.rules == [AbortIncompleteUploadsRule.rule, rules[1]])
    }

    @Test func foreignRule_survivesTheXMLRoundTrip() throws {
        let rule = try #require(try Self.rules(Self.foreign).first)
        #expect(rule.xml == Self.foreign)
        #expect(try Self.rules(rule.xml) == [rule])
        #expect(rule.child("Filter")?.child("And")?.child("Tag")?.childText("Value") == "a & b")
    }

    @Test func rulesExpiringNoncurrentVersions_areNamedForAWarning() throws {
        let risky = """
            <Rule><ID>tidy</ID><Filter/><Status>Enabled</Status><NoncurrentVersionExpiration>\
            <NoncurrentDays>1</NoncurrentDays></NoncurrentVersionExpiration></Rule>
            """
        let rules = try Self.rules(Self.foreign + risky + Self.ours)
        #expect(AbortIncompleteUploadsRule.noncurrentExpiringRules(rules) == ["tidy"])
    }
}
