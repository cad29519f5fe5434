/// The parsed command line: global options, the command and its own arguments.
///
/// Global options (`--config FILE`, `--json`, `--help`) may appear before or
/// after the command name.
struct Arguments {
    var configPath: String?
    var json = false
    var help = false
    var command: String?
    var positional: [String] = []
    var flags: [String: String] = [:]

    /// Options that take a value, per command (global ones included for all).
    static let valueOptions: Set<String> = ["--config"]

    init(_ raw: [String]) throws {
        var index = 0
        while index < raw.count {
            let word = raw[index]
            switch word {
            case "--json": json = true
            case "--help", "-h": help = true
            case "--config":
                index += 1
                guard index < raw.count else { throw UsageError("--config needs a FILE") }
                configPath = raw[index]
            default:
                if word.hasPrefix("--config=") {
                    configPath = String(word.dropFirst("--config=".count))
                } else if word.hasPrefix("-") {
                    throw UsageError("unknown option \(word)")
                } else if command == nil {
                    command = word
                } else {
                    positional.append(word)
                }
            }
            index += 1
        }
    }
}
