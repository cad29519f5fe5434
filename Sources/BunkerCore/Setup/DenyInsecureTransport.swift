import BunkerJSON
import Foundation

/// The bucket-policy statement that refuses every request not made over TLS, and how it
/// is recognised in and merged into a bucket's existing policy (pure, no I/O).
///
/// `PutBucketPolicy` replaces the whole policy, so the merge keeps every other statement
/// and top-level member as it was. The operator's copy is
/// `policies/s3/deny-insecure-transport.json` (with `BUCKET` for the name).
enum DenyInsecureTransport {
    /// The `Sid` that marks Bunker's statement; a statement with another Sid is never
    /// touched, even when it says the same.
    static let sid = "BunkerDenyInsecureTransport"

    /// What a bucket's policy holds of Bunker's statement.
    enum Finding: Equatable {
        /// A statement with Bunker's Sid that says exactly what it should.
        case present
        /// No statement with Bunker's Sid (or no policy at all).
        case missing
        /// A statement with Bunker's Sid that says something else.
        case differs
    }

    /// The AWS partition of `region` (`aws`, `aws-cn`, `aws-us-gov`), for ARNs.
    static func partition(region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// The bucket and everything in it.
    static func resources(bucket: String, partition: String) -> [String] {
        ["arn:\(partition):s3:::\(bucket)", "arn:\(partition):s3:::\(bucket)/*"]
    }

    /// Bunker's statement for `bucket`.
    static func statement(bucket: String, partition: String) -> JSONValue {
        .object([
            "Sid": .string(sid),
            "Effect": .string("Deny"),
            "Principal": .string("*"),
            "Action": .string("s3:*"),
            "Resource": .array(resources(bucket: bucket, partition: partition).map { .string($0) }),
            "Condition": .object(["Bool": .object(["aws:SecureTransport": .string("false")])]),
        ])
    }

    /// Whether `statement` says what Bunker's statement says, allowing the spellings AWS
    /// may return (one-element lists as strings, `{"AWS": "*"}` for `"*"`, any order).
    static func isRight(_ statement: JSONValue, bucket: String, partition: String) -> Bool {
        guard let members = statement.objectValue,
            Set(members.keys) == ["Sid", "Effect", "Principal", "Action", "Resource", "Condition"],
            members["Effect"]?.stringValue == "Deny",
            members["Action"]?.stringSet == ["s3:*"],
            members["Resource"]?.stringSet == Set(resources(bucket: bucket, partition: partition)),
            let principal = members["Principal"], isEveryone(principal),
            let condition = members["Condition"]?.objectValue, condition.count == 1,
            let bool = condition["Bool"]?.objectValue, bool.count == 1,
            let secure = bool["aws:SecureTransport"]
        else { return false }
        switch secure {
        case .bool(false): return true
        case let other: return other.stringSet.map { $0.map { $0.lowercased() } } == ["false"]
        }
    }

    /// What `policy` (a bucket policy's JSON, nil for none) holds of Bunker's statement,
    /// and how many other statements it has.
    ///
    /// - Throws: ``SetupError/unreadableBucketPolicy(bucket:reason:)`` when the policy is
    ///   not a JSON object with a `Statement` object or list.
    static func evaluate(
        _ policy: Data?, bucket: String, partition: String
    ) throws -> (finding: Finding, otherStatements: Int) {
        let statements = try document(policy, bucket: bucket).statements
        let ours = statements.filter { $0["Sid"]?.stringValue == sid }
        let others = statements.count - ours.count
        if ours.isEmpty { return (.missing, others) }
        let right = ours.count == 1 && isRight(ours[0], bucket: bucket, partition: partition)
        return (right ? .present : .differs, others)
    }

    /// `policy` with Bunker's statement in place of any statement carrying its Sid (at the
    /// first such place, else at the end) and everything else unchanged; a new policy
    /// when `policy` is nil.
    ///
    /// - Throws: ``SetupError/unreadableBucketPolicy(bucket:reason:)`` as
    ///   ``evaluate(_:bucket:partition:)`` does.
    static func merged(_ policy: Data?, bucket: String, partition: String) throws -> Data {
        var (members, statements) = try document(policy, bucket: bucket)
        let ours = statement(bucket: bucket, partition: partition)
        if let first = statements.firstIndex(where: { $0["Sid"]?.stringValue == sid }) {
            statements[first] = ours
            statements = statements.enumerated().filter { index, statement in
                index == first || statement["Sid"]?.stringValue != sid
            }.map(\.element)
        } else {
            statements.append(ours)
        }
        members["Version"] = members["Version"] ?? .string("2012-10-17")
        members["Statement"] = .array(statements)
        return JSONValue.object(members).serialized()
    }

    /// The top-level members and the statements of `policy`.
    private static func document(
        _ policy: Data?, bucket: String
    ) throws -> (members: [String: JSONValue], statements: [JSONValue]) {
        guard let policy else { return ([:], []) }
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(policy)
        } catch {
            throw SetupError.unreadableBucketPolicy(bucket: bucket, reason: "it is not JSON")
        }
        guard let members = parsed.objectValue else {
            throw SetupError.unreadableBucketPolicy(
                bucket: bucket, reason: "it is not a JSON object")
        }
        switch members["Statement"] {
        case nil: return (members, [])
        case let .array(statements)?: return (members, statements)
        case let .object(single)?: return (members, [.object(single)])
        default:
            throw SetupError.unreadableBucketPolicy(
                bucket: bucket, reason: "its Statement is neither an object nor a list")
        }
    }

    private static func isEveryone(_ principal: JSONValue) -> Bool {
        if principal == .string("*") { return true }
        guard let members = principal.objectValue, members.count == 1 else { return false }
        return members["AWS"]?.stringSet == ["*"]
    }
}
