import BunkerCore
import Foundation

/// What every command gets: parsed arguments, output, and lazily loaded config and services.
struct CommandContext {
    let arguments: Arguments
    let output: Output
    let environment: [String: String]

    func loadConfig() throws -> BunkerConfig {
        try ConfigLoader.load(
            path: ConfigLoader.resolvePath(flag: arguments.configPath, environment: environment))
    }

    func progress() -> ProgressReporter {
        ProgressReporter(enabled: !arguments.json && isatty(2) != 0)
    }

    /// Whether a person is at the keyboard: standard input and standard error are terminals.
    var isInteractive: Bool { isatty(0) != 0 && isatty(2) != 0 }

    /// Rejects every option the command does not take.
    func allow(values: Set<String> = [], switches: Set<String> = []) throws {
        for name in arguments.values.keys.sorted() where !values.contains(name) {
            throw UsageError("\(arguments.command ?? "this command") does not take \(name)")
        }
        for name in arguments.switches.sorted() where !switches.contains(name) {
            throw UsageError("\(arguments.command ?? "this command") does not take \(name)")
        }
    }

    func expectPositional(_ count: Int, usage: String) throws {
        guard arguments.positional.count == count else {
            throw UsageError("usage: bunker \(usage)")
        }
    }
}
