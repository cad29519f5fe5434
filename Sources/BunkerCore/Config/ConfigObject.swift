import BunkerJSON
import Foundation

/// One JSON object of the config file, with typed accessors that report the
/// field's full path on error.
struct ConfigObject {
    let values: [String: JSONValue]
    let prefix: String

    init(_ value: JSONValue, path: String) throws {
        guard case let .object(values) = value else {
            throw ConfigError.wrongType(path.isEmpty ? "<root>" : path, expected: "an object")
        }
        self.values = values
        self.prefix = path
    }

    func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    func allowOnly(_ allowed: [String]) throws {
        for key in values.keys.sorted() where !allowed.contains(key) {
            throw ConfigError.unknownField(path(key), allowed: allowed)
        }
    }

    func object(_ key: String) throws -> ConfigObject {
        guard let value = values[key] else {
            throw ConfigError.missingField(path(key), expected: "an object")
        }
        return try ConfigObject(value, path: path(key))
    }

    func optionalObject(_ key: String) throws -> ConfigObject? {
        guard let value = values[key], value != .null else { return nil }
        return try ConfigObject(value, path: path(key))
    }

    func string(_ key: String, expected: String = "a string") throws -> String {
        guard let value = values[key] else {
            throw ConfigError.missingField(path(key), expected: expected)
        }
        guard case let .string(text) = value else {
            throw ConfigError.wrongType(path(key), expected: expected)
        }
        return text
    }

    func nonEmptyString(_ key: String) throws -> String {
        let text = try string(key, expected: "a non-empty string")
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigError.invalidValue(path(key), reason: "must not be empty")
        }
        return text
    }

    /// A region name stored at `key`, or, with `asKey`, the key itself (maps by region).
    func region(_ key: String, asKey: Bool = false) throws -> String {
        let text = asKey ? key : try string(key, expected: "an AWS region such as \"eu-north-1\"")
        let pattern = #"^[a-z]{2}(-[a-z]+)+-\d+$"#
        guard text.range(of: pattern, options: .regularExpression) != nil else {
            throw ConfigError.invalidValue(
                path(key), reason: "\"\(text)\" is not an AWS region name such as \"eu-north-1\"")
        }
        return text
    }

    func bucket(_ key: String) throws -> String {
        let text = try string(key, expected: "an S3 bucket name")
        let pattern = #"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"#
        guard text.range(of: pattern, options: .regularExpression) != nil, !text.contains("..")
        else {
            throw ConfigError.invalidValue(
                path(key),
                reason: "\"\(text)\" is not a valid S3 bucket name "
                    + "(3-63 characters: lower-case letters, digits, dots, hyphens)")
        }
        return text
    }

    /// An optional key prefix, normalised to end in `/`.
    func prefix(_ key: String) throws -> String {
        guard values[key] != nil else { return "" }
        var text = try string(key, expected: "a key prefix string such as \"bunker/\"")
        guard !text.hasPrefix("/") else {
            throw ConfigError.invalidValue(path(key), reason: "must not start with \"/\"")
        }
        if !text.isEmpty, !text.hasSuffix("/") { text += "/" }
        return text
    }

    func stringMap(
        _ key: String, expected: String = "an object of tag names to values"
    ) throws -> [String: String] {
        guard let value = values[key] else {
            throw ConfigError.missingField(path(key), expected: expected)
        }
        guard case let .object(map) = value else {
            throw ConfigError.wrongType(path(key), expected: expected)
        }
        var result: [String: String] = [:]
        for (name, raw) in map {
            guard case let .string(text) = raw else {
                throw ConfigError.wrongType("\(path(key)).\(name)", expected: "a string")
            }
            result[name] = text
        }
        return result
    }

    func optionalInt(_ key: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[key] else { return nil }
        guard let number = value.number, number == number.rounded(),
              abs(number) < 1e15
        else { throw ConfigError.wrongType(path(key), expected: "an integer") }
        guard range.contains(Int(number)) else {
            throw ConfigError.invalidValue(
                path(key), reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return Int(number)
    }

    func optionalDouble(_ key: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let value = values[key] else { return nil }
        guard let number = value.number else {
            throw ConfigError.wrongType(path(key), expected: "a number")
        }
        guard range.contains(number) else {
            throw ConfigError.invalidValue(
                path(key), reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    func optionalBool(_ key: String) throws -> Bool? {
        guard let value = values[key] else { return nil }
        guard case let .bool(flag) = value else {
            throw ConfigError.wrongType(path(key), expected: "true or false")
        }
        return flag
    }
}
