import BunkerCore

/// The text form of a restore plan and of its outcome.
enum RestoreView {
    static func printPlan(_ plan: RestoreReport, prepared: PreparedRestore, to output: Output) {
        printSnapshot(plan.snapshot, to: output)
        let place: String
        if prepared.isInPlace {
            place = "in place"
        } else if plan.prefix.isEmpty {
            place = "under the same names (another region)"
        } else {
            place = "as copies named \"\(plan.prefix)…\", "
                + "tagged \(RestoreRequest.restoredFromTag)"
        }
        output.line("Restoring into \(plan.region), \(place).")
        output.line("")
        let actions = plan.secrets.map { $0.outcome == .failed ? "cannot restore" : $0.action }
        let width = (actions.map(\.count).max() ?? 0) + 2
        for (secret, action) in zip(plan.secrets, actions) {
            let target = secret.target == secret.name ? "" : " → \(secret.target)"
            let why = secret.error ?? secret.reasons.joined(separator: "; ")
            output.line("  \(action.padding(toLength: width, withPad: " ", startingAt: 0))"
                + "\(secret.name)\(target)  — \(why)")
            for note in secret.notes { output.line("      note: \(note)") }
        }
        let summary = plan.summary
        output.line("")
        output.line("\(summary.planned) to change, \(summary.unchanged) unchanged, "
            + "\(summary.skipped) skipped, \(summary.failed) cannot be restored.")
    }

    static func printOutcome(_ report: RestoreReport, to output: Output) {
        for secret in report.secrets where secret.outcome != .unchanged {
            let target = secret.target == secret.name ? "" : " → \(secret.target)"
            switch secret.outcome {
            case .failed:
                Output.error("FAILED \(secret.name)\(target): \(secret.error ?? "unknown error")")
            case .skipped:
                let why = secret.reasons.joined(separator: "; ")
                output.line("skipped   \(secret.name)  — \(why)")
            default:
                output.line(
                    "\(secret.outcome.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))"
                    + "\(secret.name)\(target)  (\(secret.action))")
            }
        }
        let summary = report.summary
        output.line("\(summary.restored) restored, \(summary.unchanged) unchanged, "
            + "\(summary.skipped) skipped, \(summary.failed) failed.")
        if summary.failed > 0 {
            Output.error("some secrets were not restored; fix the cause above and run the same "
                + "restore again: it only does what is still missing")
        }
    }

    static func printSnapshot(_ snapshot: RestoreReport.Snapshot, to output: Output) {
        if let resolved = snapshot.resolvedTo, resolved != snapshot.requested {
            output.line("--at \(snapshot.requested) resolved to \(resolved).")
        }
        var line = "Using snapshot \(snapshot.id) taken \(snapshot.time) "
            + "(\(Timestamps.duration(Double(snapshot.ageSeconds))) ago"
        if let gap = snapshot.gapSeconds, gap > 0 {
            line += "; changes in the \(Timestamps.duration(Double(gap))) before the requested "
                + "time are not in it"
        }
        output.line(line + ").")
    }
}
