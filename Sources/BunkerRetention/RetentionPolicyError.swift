/// A problem with a retention policy file, naming the file and the field path (`keep.daily`).
public enum RetentionPolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not JSON (JSON5 relaxations such as comments are accepted).
    case syntax(file: String, reason: String)
    /// A required field is missing.
    case missingField(file: String, field: String, expected: String)
    /// A field has the wrong JSON type; `found` names the type that was there.
    case wrongType(file: String, field: String, expected: String, found: String)
    /// A field is not part of the format.
    case unknownField(file: String, field: String, allowed: [String])
    /// A field has the right type but a value that is not allowed.
    case invalidValue(file: String, field: String, reason: String)
    /// Every count is 0 and there is no `within`, so prune would delete all but the newest.
    case keepsNothing(file: String)

    /// The policy file (path or name) the problem is in.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .syntax(let file, _), .missingField(let file, _, _),
            .wrongType(let file, _, _, _), .unknownField(let file, _, _),
            .invalidValue(let file, _, _), .keepsNothing(let file):
            return file
        }
    }

    /// The field path (`keep.daily`, `lock.mode`, empty for the top level), when one field is
    /// wrong.
    public var field: String? {
        switch self {
        case .unreadable, .syntax, .keepsNothing:
            return nil
        case .missingField(_, let field, _), .wrongType(_, let field, _, _),
            .unknownField(_, let field, _), .invalidValue(_, let field, _):
            return field
        }
    }

    /// A short fixed code for metrics and logs (`error.code`), without the details.
    public var code: String {
        switch self {
        case .unreadable: return "policy.unreadable"
        case .syntax: return "policy.syntax"
        case .missingField: return "policy.missing_field"
        case .wrongType: return "policy.wrong_type"
        case .unknownField: return "policy.unknown_field"
        case .invalidValue: return "policy.invalid_value"
        case .keepsNothing: return "policy.keeps_nothing"
        }
    }

    public var description: String {
        let help = "See docs/RETENTION.md for the format."
        switch self {
        case .unreadable(let file, let reason):
            return
                "cannot read retention policy \(file): \(reason). Check the path and permissions."
        case .syntax(let file, let reason):
            return "retention policy \(file) is not valid JSON: \(reason)"
        case .missingField(let file, let field, let expected):
            return
                "retention policy \(file): missing field \(field) (expected \(expected)). \(help)"
        case .wrongType(let file, let field, let expected, let found):
            let place = field.isEmpty ? "the top level" : "field \(field)"
            return "retention policy \(file): \(place) must be \(expected), found \(found). \(help)"
        case .unknownField(let file, let field, let allowed):
            return "retention policy \(file): unknown field \(field) (allowed here: "
                + "\(allowed.joined(separator: ", "))). Check the spelling. \(help)"
        case .invalidValue(let file, let field, let reason):
            return "retention policy \(file): field \(field) is invalid: \(reason)"
        case .keepsNothing(let file):
            return "retention policy \(file) keeps nothing: every count in keep is 0 and "
                + "keep.within is not set, so prune would delete every snapshot but the newest. "
                + "Set at least one rule, "
                + "for example \"keep\": { \"last\": 7, \"within\": \"7d\" }."
        }
    }
}
