import BunkerCore
import Foundation

/// Entry point: parse, dispatch, map errors to exit codes.
func main() -> Int32 {
    let arguments: Arguments
    do {
        arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    } catch {
        Output.error("\(error)")
        return ExitCode.usage.rawValue
    }

    let commands: [String: (CommandContext) throws -> ExitCode] = [
        "snapshot": runSnapshot,
        "snapshots": runSnapshots,
        "show": runShow,
        "verify": runVerify,
        "restore": runRestore,
        "cat": runCat,
        "prune": runPrune,
        "init": runInit,
    ]
    guard let name = arguments.command else {
        print(HelpText.main)
        return arguments.help ? ExitCode.success.rawValue : ExitCode.usage.rawValue
    }
    if name == "help" {
        print(arguments.positional.first.flatMap { HelpText.commands[$0] } ?? HelpText.main)
        return ExitCode.success.rawValue
    }
    guard let command = commands[name] else {
        Output.error("unknown command \"\(name)\"\nRun `bunker --help` for usage.")
        return ExitCode.usage.rawValue
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
        Output.error("\(error)")
        if arguments.json {
            context.output.printJSON(ErrorReport(error))
        }
        return ExitCode.forError(error).rawValue
    }
}

exit(main())
