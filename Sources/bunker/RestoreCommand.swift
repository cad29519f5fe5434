import BunkerCore
import Foundation

/// `bunker restore --at WHEN [--secret PATTERN]… [--tag KEY=VALUE]… [--prefix P]
/// [--region R] [--dry-run] [--yes]`
func runRestore(_ context: CommandContext) throws -> ExitCode {
    try context.allow(
        values: ["--at", "--secret", "--tag", "--prefix", "--region"],
        switches: ["--dry-run", "--yes"])
    try context.expectPositional(0, usage: "restore --at WHEN [options]")
    let arguments = context.arguments
    guard let at = arguments.value("--at") else {
        throw UsageError("restore needs --at WHEN (a date, an instant, `latest` or a snapshot id)")
    }
    let request = RestoreRequest(
        at: try PointInTime.parse(at),
        selection: RestoreSelection(
            patterns: arguments.values["--secret"] ?? [],
            tags: try RestoreSelection.tags(from: arguments.values["--tag"] ?? [])),
        prefix: arguments.value("--prefix") ?? "",
        region: arguments.value("--region"))
    if let region = request.region, region.range(of: #"^[a-z]{2}(-[a-z]+)+-\d+$"#,
                                                  options: .regularExpression) == nil {
        throw UsageError("--region \(region) is not an AWS region name such as eu-west-1")
    }

    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let restorer = Restorer(config: config, services: services, progress: context.progress())
    let prepared = try restorer.prepare(request)

    let dryRun = arguments.has("--dry-run")
    if dryRun || !context.output.json {
        let plan = restorer.dryRunReport(prepared)
        if context.output.json {
            context.output.printJSON(plan)
            return exitCode(plan)
        }
        RestoreView.printPlan(plan, prepared: prepared, to: context.output)
        if dryRun { return exitCode(plan) }
    }

    if prepared.changeCount > 0, !arguments.has("--yes") {
        try confirm(prepared, context: context)
    }
    let report = try restorer.execute(prepared)
    if context.output.json {
        context.output.printJSON(report)
    } else {
        RestoreView.printOutcome(report, to: context.output)
    }
    return exitCode(report)
}

/// Asks on the terminal; in scripts an in-place restore needs `--yes`.
private func confirm(_ prepared: PreparedRestore, context: CommandContext) throws {
    let what = prepared.isInPlace
        ? "an in-place restore into \(prepared.region)"
        : "a restore into \(prepared.region) under prefix \"\(prepared.request.prefix)\""
    guard context.isInteractive else {
        if prepared.isInPlace { throw BunkerError.confirmationRequired("This is \(what); it") }
        return
    }
    FileHandle.standardError.write(Data((
        "This is \(what), changing \(Output.count(prepared.changeCount, "secret")). "
            + "Type yes to go on: ").utf8))
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
    guard answer == "yes" || answer == "y" else { throw BunkerError.declined }
}

/// 0 when every secret is as the snapshot had it, 3 when some could not be restored, 1 when
/// none could (nothing was done: typically missing permissions).
private func exitCode(_ report: RestoreReport) -> ExitCode {
    let summary = report.summary
    if summary.failed == 0 { return .success }
    let done = summary.planned + summary.restored + summary.unchanged + summary.skipped
    return done == 0 ? .failure : .partial
}
