import Foundation

/// A parsed JSON document whose shape is checked by hand, so that errors can name the exact
/// path of a bad field.
enum PolicyJSON: Decodable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case object([String: PolicyJSON])
    case array([PolicyJSON])
    case null

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([PolicyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: PolicyJSON].self))
        }
    }

    /// Parses JSON, accepting the JSON5 relaxations (comments, trailing commas, unquoted keys).
    static func parse(_ data: Data) throws -> PolicyJSON {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = true
        return try decoder.decode(PolicyJSON.self, from: data)
    }

    /// The value's type and, for short scalars, the value, for messages: `a number (-1)`.
    var found: String {
        switch self {
        case .string(let text): return "a string (\"\(text.prefix(40))\")"
        case .number(let value): return "a number (\(value.jsonText))"
        case .bool(let value): return "a boolean (\(value))"
        case .object: return "an object"
        case .array: return "an array"
        case .null: return "null"
        }
    }
}

extension Double {
    /// `14` rather than `14.0` for whole numbers.
    var jsonText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}

/// One JSON object of a policy file, with typed accessors that report the field's full path.
struct PolicyObject {
    let file: String
    let path: String
    let members: [String: PolicyJSON]

    init(_ value: PolicyJSON, file: String, path: String) throws(RetentionPolicyError) {
        guard case .object(let members) = value else {
            throw .wrongType(file: file, field: path, expected: "an object", found: value.found)
        }
        self.file = file
        self.path = path
        self.members = members
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func allowOnly(_ allowed: [String]) throws(RetentionPolicyError) {
        for key in members.keys.sorted() where !allowed.contains(key) {
            throw .unknownField(file: file, field: fieldPath(key), allowed: allowed)
        }
    }

    func object(_ key: String) throws(RetentionPolicyError) -> PolicyObject {
        guard let value = members[key] else {
            throw .missingField(file: file, field: fieldPath(key), expected: "an object")
        }
        return try PolicyObject(value, file: file, path: fieldPath(key))
    }

    func optionalObject(_ key: String) throws(RetentionPolicyError) -> PolicyObject? {
        guard let value = members[key] else { return nil }
        return try PolicyObject(value, file: file, path: fieldPath(key))
    }

    func string(_ key: String, expected: String) throws(RetentionPolicyError) -> String {
        guard let text = try optionalString(key, expected: expected) else {
            throw .missingField(file: file, field: fieldPath(key), expected: expected)
        }
        return text
    }

    func optionalString(_ key: String, expected: String) throws(RetentionPolicyError) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(
                file: file, field: fieldPath(key), expected: expected, found: value.found)
        }
        return text
    }

    /// An optional whole number in `range`.
    func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(RetentionPolicyError)
        -> Int?
    {
        guard let value = members[key] else { return nil }
        let expected = "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard case .number(let number) = value else {
            throw .wrongType(
                file: file, field: fieldPath(key), expected: expected, found: value.found)
        }
        guard number.rounded() == number, number >= Double(range.lowerBound),
            number <= Double(range.upperBound)
        else {
            throw .invalidValue(
                file: file, field: fieldPath(key),
                reason: "expected \(expected), found \(number.jsonText)")
        }
        return Int(number)
    }
}
