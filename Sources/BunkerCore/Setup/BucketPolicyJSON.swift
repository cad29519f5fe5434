import Foundation

/// A JSON value that survives a read–write round trip, for bucket policies.
///
/// Bunker rewrites a bucket's policy to add its own statement, so every other statement
/// must come back out as it went in. Integers stay integers and `true` stays a boolean.
/// Limits: object keys are written sorted (key order carries no meaning in IAM), and
/// numbers beyond 64-bit integers are kept as `Double`.
indirect enum BucketPolicyJSON: Codable, Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case array([BucketPolicyJSON])
    case object([String: BucketPolicyJSON])
    case null

    init(from decoder: Decoder) throws {
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
        } else if let value = try? container.decode([BucketPolicyJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: BucketPolicyJSON].self))
        }
    }

    func encode(to encoder: Encoder) throws {
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

    /// Parses a JSON document.
    static func parse(_ data: Data) throws -> BucketPolicyJSON {
        try JSONDecoder().decode(BucketPolicyJSON.self, from: data)
    }

    /// The document as JSON text: sorted keys, `/` not escaped, indented when `pretty`.
    func serialized(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a tree of plain values cannot fail.
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// The members of an object, nil for other values.
    var objectValue: [String: BucketPolicyJSON]? {
        if case let .object(members) = self { return members }
        return nil
    }

    /// The text of a string, nil for other values.
    var stringValue: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// IAM's "string or list of strings" as a set; nil when it is anything else.
    var stringSet: Set<String>? {
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
    subscript(key: String) -> BucketPolicyJSON? {
        objectValue?[key]
    }
}
