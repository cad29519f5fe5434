import Foundation

/// A JSON document as a tree of values, checked by hand so that errors can name the exact
/// path of a bad field, and written back out unchanged.
///
/// Integers stay integers and `true` stays a boolean through a read–write round trip.
/// Limits: objects are written with sorted keys; numbers beyond 64-bit integers are kept as
/// `Double`.
public indirect enum JSONValue: Codable, Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(value): try container.encode(value)
        case let .integer(value): try container.encode(value)
        case let .double(value): try container.encode(value)
        case let .bool(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// Parses a JSON document; with `json5`, also the JSON5 relaxations (comments, trailing
    /// commas, unquoted keys) that configuration files may use.
    public static func parse(_ data: Data, json5: Bool = false) throws -> JSONValue {
        let decoder = JSONDecoder()
        decoder.allowsJSON5 = json5
        return try decoder.decode(JSONValue.self, from: data)
    }

    /// The document as JSON text: sorted keys, `/` not escaped, indented when `pretty`.
    public func serialized(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of plain values cannot fail.
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// The value of a number, integer or not; nil for other values.
    public var number: Double? {
        switch self {
        case let .integer(value): return Double(value)
        case let .double(value): return value
        default: return nil
        }
    }

    /// The members of an object, nil for other values.
    public var objectValue: [String: JSONValue]? {
        if case let .object(members) = self { return members }
        return nil
    }

    /// The text of a string, nil for other values.
    public var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// IAM's "string or list of strings" as a set; nil when it is anything else.
    public var stringSet: Set<String>? {
        switch self {
        case let .string(text):
            return [text]
        case let .array(items):
            let texts = items.compactMap(\.stringValue)
            return texts.count == items.count ? Set(texts) : nil
        default:
            return nil
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The value's type and, for short scalars, the value, for messages: `a number (-1)`.
    public var found: String {
        switch self {
        case let .string(text): return "a string (\"\(text.prefix(40))\")"
        case let .integer(value): return "a number (\(value))"
        case let .double(value): return "a number (\(value.jsonText))"
        case let .bool(value): return "a boolean (\(value))"
        case .object: return "an object"
        case .array: return "an array"
        case .null: return "null"
        }
    }
}

extension Double {
    /// `14` rather than `14.0` for whole numbers.
    public var jsonText: String {
        if rounded() == self, abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
