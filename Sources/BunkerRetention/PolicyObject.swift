import BunkerJSON
import Foundation

/// One JSON object of a policy file, with typed accessors that report the field's full path.
struct PolicyObject {
    let file: String
    let path: String
    let members: [String: JSONValue]

    init(_ value: JSONValue, file: String, path: String) throws(RetentionPolicyError) {
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
        guard let number = value.number else {
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
