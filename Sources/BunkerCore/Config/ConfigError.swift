/// A problem in the configuration file, with the JSON path of the offending field.
public enum ConfigError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case syntax(path: String, reason: String)
    case missingField(String, expected: String)
    case wrongType(String, expected: String)
    case unknownField(String, allowed: [String])
    case invalidValue(String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            let sentence = reason.hasSuffix(".") ? reason : reason + "."
            return "cannot read config file \(path): \(sentence) "
                + "Pass --config FILE or set BUNKER_CONFIG."
        case let .syntax(path, reason):
            return "config file \(path) is not valid JSON: \(reason)"
        case let .missingField(field, expected):
            return "config: missing field \(field) (expected \(expected))"
        case let .wrongType(field, expected):
            return "config: field \(field) has the wrong type (expected \(expected))"
        case let .unknownField(field, allowed):
            return "config: unknown field \(field) "
                + "(allowed here: \(allowed.joined(separator: ", ")))"
        case let .invalidValue(field, reason):
            return "config: field \(field) is invalid: \(reason)"
        }
    }
}
