import BunkerCore
import Foundation

/// Entry point: parse, dispatch, map errors to exit codes.
func main() -> Int32 {
    let raw = Array(CommandLine.arguments.dropFirst())
    let arguments: Arguments
    do {
        arguments = try Arguments(raw)
    } catch {
        return fail(error, json: raw.contains("--json"))
    }

    let commands: [String: (CommandContext) throws -> ExitCode] = [
        "init": runInit,
        "snapshot": runSnapshot,
        "snapshots": runSnapshots,
        "show": runShow,
        "verify": runVerify,
        "restore": runRestore,
        "cat": runCat,
        "prune": runPrune,
    ]
    guard let name = arguments.command else {
        print(HelpText.main)
        return arguments.help ? ExitCode.success.rawValue : ExitCode.usage.rawValue
    }
    if name == "help" {
        guard let topic = arguments.positional.first else {
            print(HelpText.main)
            return ExitCode.success.rawValue
        }
        guard let text = HelpText.commands[topic] else {
            return fail(UsageError("no help for \"\(topic)\": it is not a command"),
                        json: arguments.json)
        }
        print(text)
        return ExitCode.success.rawValue
    }
    guard let command = commands[name] else {
        return fail(UsageError("unknown command \"\(name)\""), json: arguments.json)
    }
    if arguments.help {
        print(HelpText.commands[name] ?? HelpText.main)
        return ExitCode.success.rawValue
    }

    let context = CommandContext(
        arguments: arguments, output: Output(json: arguments.json),
        environment: ProcessInfo.processInfo.environment)
    do {
        return try command(context).rawValue
    } catch {
        return fail(error, json: arguments.json)
    }
}

/// Reports the error that ended the command, on standard error and, with `--json`, as an
/// `{"error": …}` document on standard output; returns its exit code.
func fail(_ error: Error, json: Bool) -> Int32 {
    Output.error("\(error)")
    if json { Output(json: true).printJSON(ErrorReport(error)) }
    return ExitCode.forError(error).rawValue
}

exit(main())
