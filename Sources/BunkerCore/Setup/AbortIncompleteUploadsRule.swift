import BunkerAWS
import Foundation

/// The lifecycle rule that makes S3 delete the parts of multipart uploads left unfinished
/// for a day, and how it is recognised in and merged into a bucket's rules (pure, no I/O).
///
/// `PutBucketLifecycleConfiguration` replaces every rule, so the merge keeps all other
/// rules exactly as S3 returned them. The rule deliberately does nothing else: above all
/// it never expires noncurrent versions, which may be good archives an attacker
/// overwrote. The operator's copy is `policies/s3/lifecycle-abort-incomplete-multipart.json`.
enum AbortIncompleteUploadsRule {
    typealias Rule = S3Client.XMLFragment

    /// The rule's `ID`; a rule with another ID is never touched.
    static let id = "bunker-abort-incomplete-multipart"

    /// Days after which an unfinished upload is aborted.
    static let days = 1

    /// What a bucket's rules hold of Bunker's rule.
    enum Finding: Equatable {
        /// A rule with Bunker's ID that says exactly what it should.
        case present
        /// No rule with Bunker's ID.
        case missing
        /// A rule with Bunker's ID that differs; the reasons, for the report.
        case differs([String])
    }

    /// Bunker's rule: whole bucket, enabled, abort after ``days``.
    static var rule: Rule {
        Rule("Rule", children: [
            Rule("ID", text: id),
            Rule("Filter"),
            Rule("Status", text: "Enabled"),
            Rule("AbortIncompleteMultipartUpload", children: [
                Rule("DaysAfterInitiation", text: String(days)),
            ]),
        ])
    }

    /// The ID of a `<Rule>` element, if it has one.
    static func ruleID(_ rule: Rule) -> String? {
        rule.childText("ID")
    }

    /// What is wrong with `rule` as Bunker's rule; empty when it is right.
    static func problems(_ rule: Rule) -> [String] {
        var problems: [String] = []
        if rule.childText("Status") != "Enabled" {
            problems.append("it is not enabled")
        }
        if !coversWholeBucket(rule) {
            problems.append("it does not cover the whole bucket")
        }
        let abort = rule.child("AbortIncompleteMultipartUpload")
        if abort?.childText("DaysAfterInitiation") != String(days) {
            problems.append("it does not abort incomplete uploads after \(days) day")
        }
        let extra = rule.children.map(\.name).filter {
            !["ID", "Filter", "Prefix", "Status", "AbortIncompleteMultipartUpload"].contains($0)
        }
        if !extra.isEmpty {
            problems.append("it also has \(extra.joined(separator: ", "))")
        }
        return problems
    }

    /// What `rules` hold of Bunker's rule.
    static func evaluate(_ rules: [Rule]) -> Finding {
        let ours = rules.filter { ruleID($0) == id }
        guard let first = ours.first else { return .missing }
        var reasons = problems(first)
        if ours.count > 1 { reasons.append("there are \(ours.count) rules with its ID") }
        return reasons.isEmpty ? .present : .differs(reasons)
    }

    /// `configuration` with Bunker's rule in place of any rule carrying its ID (at the
    /// first such place, else at the end); every other rule and setting unchanged.
    static func merged(
        _ configuration: S3Client.LifecycleConfiguration
    ) -> S3Client.LifecycleConfiguration {
        var result = configuration
        var placed = false
        result.rules = configuration.rules.compactMap { existing in
            guard ruleID(existing) == id else { return existing }
            if placed { return nil }
            placed = true
            return rule
        }
        if !placed { result.rules.append(rule) }
        return result
    }

    /// The IDs of other rules that expire noncurrent versions (worth a warning: they can
    /// delete archives an attacker overwrote). Rules without an ID are shown as `(no ID)`.
    static func noncurrentExpiringRules(_ rules: [Rule]) -> [String] {
        rules.filter { ruleID($0) != id && $0.child("NoncurrentVersionExpiration") != nil }
            .map { ruleID($0) ?? "(no ID)" }
    }

    /// Whether the rule's filter selects every object: no filter, an empty `<Filter/>`,
    /// or an empty prefix (inside `<Filter>` or, in the legacy form, at the top).
    private static func coversWholeBucket(_ rule: Rule) -> Bool {
        if let prefix = rule.child("Prefix"), !prefix.text.isEmpty || !prefix.children.isEmpty {
            return false
        }
        guard let filter = rule.child("Filter") else { return true }
        switch filter.children.count {
        case 0:
            return true
        case 1:
            let only = filter.children[0]
            return only.name == "Prefix" && only.text.isEmpty
        default:
            return false
        }
    }
}
