import BunkerCore
import Foundation

/// `bunker prune [--dry-run] [--policy FILE]`
func runPrune(_ context: CommandContext) throws -> ExitCode {
    try context.allow(values: ["--policy"], switches: ["--dry-run"])
    try context.expectPositional(0, usage: "prune [--dry-run] [--policy FILE]")
    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let pruner = try Pruner(
        config: config, services: services, policyPath: context.arguments.value("--policy"),
        log: { Output.error($0) })
    let report = try pruner.run(dryRun: context.arguments.has("--dry-run"))

    if context.output.json {
        context.output.printJSON(report)
    } else {
        printPrune(report, to: context.output)
    }
    return report.summary.failed == 0 ? .success : .partial
}

private func printPrune(_ report: PruneReport, to output: Output) {
    output.line("Policy \(report.policy), evaluated at \(report.now)"
        + (report.dryRun ? " (dry run: nothing is deleted)" : "") + ".")
    output.line("ID                        DECISION  OUTCOME  WHY")
    for item in report.snapshots {
        var why = item.reasons.joined(separator: ", ")
        if let until = item.lockedUntil, item.outcome == .locked {
            why += "; locked until \(until)"
        }
        if let extended = item.lockExtendedTo { why += "; lock extended to \(extended)" }
        if let error = item.error { why += "; \(error)" }
        let kind = item.good || why.contains("leftover") ? "" : " (leftover)"
        output.line(item.id.padding(toLength: 26, withPad: " ", startingAt: 0)
            + item.decision.padding(toLength: 10, withPad: " ", startingAt: 0)
            + item.outcome.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            + why + kind)
    }
    let summary = report.summary
    let verb = report.dryRun ? "would delete" : "deleted"
    output.line("\(summary.kept) kept, "
        + "\(report.dryRun ? summary.planned : summary.deleted) \(verb), "
        + "\(summary.locked) locked, \(summary.spared) spared, \(summary.failed) failed; "
        + "\(summary.uploadsAborted) unfinished uploads \(report.dryRun ? "to abort" : "aborted").")
}
