/// The parsed command line: global options, the command, its options and positionals.
///
/// Options may appear before or after the command name, as `--name VALUE` or
/// `--name=VALUE`. Which options a command accepts is checked by the command itself
/// (``CommandContext/allow(values:switches:)``), so a typo is an error, not ignored.
struct Arguments {
    var configPath: String?
    var json = false
    var help = false
    var command: String?
    var positional: [String] = []
    /// Value options in the order given, e.g. `--secret` → `["prod/*", "dev/x"]`.
    var values: [String: [String]] = [:]
    /// Switches given, e.g. `--dry-run`.
    var switches: Set<String> = []

    /// Every option that takes a value, for any command.
    static let valueOptions: Set<String> = [
        "--config", "--at", "--secret", "--tag", "--prefix", "--region", "--version", "--policy",
    ]

    /// Every switch, for any command.
    static let switchOptions: Set<String> = [
        "--json", "--help", "-h", "--dry-run", "--yes", "--check"
    ]

    init(_ raw: [String]) throws {
        var index = 0
        while index < raw.count {
            let word = raw[index]
            index += 1
            if word == "--" {
                positional.append(contentsOf: raw[index...])
                break
            }
            guard word.hasPrefix("-"), word.count > 1 else {
                if command == nil { command = word } else { positional.append(word) }
                continue
            }

            let (name, inlineValue) = Self.split(word)
            if Self.switchOptions.contains(name) {
                guard inlineValue == nil else { throw UsageError("\(name) takes no value") }
                record(switch: name)
                continue
            }
            guard Self.valueOptions.contains(name) else {
                throw UsageError("unknown option \(name)")
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < raw.count else { throw UsageError("\(name) needs a value") }
                value = raw[index]
                index += 1
            }
            if name == "--config" {
                configPath = value
            } else {
                values[name, default: []].append(value)
            }
        }
    }

    /// The last value of `name`, or nil.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Whether the switch `name` was given.
    func has(_ name: String) -> Bool { switches.contains(name) }

    private mutating func record(switch name: String) {
        switch name {
        case "--json": json = true
        case "--help", "-h": help = true
        default: switches.insert(name)
        }
    }

    private static func split(_ word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "="), word.hasPrefix("--") else {
            return (word, nil)
        }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }
}
