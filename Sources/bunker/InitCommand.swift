import BunkerCore
import Foundation

/// `bunker init [--check]`: prepare (or check) the store bucket and the replica's.
func runInit(_ context: CommandContext) throws -> ExitCode {
    try context.allow(switches: ["--check"])
    try context.expectPositional(0, usage: "init [--check]")
    let checkOnly = context.arguments.has("--check")
    let config = try context.loadConfig()
    let services = try AWSServices(environment: context.environment)
    let objectLock = try config.retentionPolicy()?.lock != nil

    var targets = [(config.store.bucket, config.store.region, config.kms.keyId)]
    if let replica = config.replica {
        targets.append((replica.bucket, replica.region, replica.kmsKeyId))
    }
    var reports: [BucketReport] = []
    for (bucket, region, key) in targets {
        let s3 = try services.s3(region: region)
        let requirements = BucketRequirements(
            bucket: bucket, region: region, kmsKeyId: key, objectLock: objectLock,
            denyInsecureTransport: s3.client.endpoint.scheme == "https")
        reports.append(BucketSetup.run(requirements, s3: s3, checkOnly: checkOnly))
    }

    let ready = reports.allSatisfy(\.isReady)
    if context.output.json {
        context.output.printJSON(InitView(checkOnly: checkOnly, ready: ready, buckets: reports))
    } else {
        for report in reports { printBucket(report, to: context.output) }
        if checkOnly {
            context.output.line(ready ? "All buckets are prepared." : "Some buckets are not "
                + "prepared; run `bunker init` (with the setup role) to fix them.")
        }
    }
    if ready { return .success }
    if checkOnly { return .notReady }
    return reports.contains(where: \.hasConfigurationProblem) ? .usage : .failure
}

private struct InitView: Encodable {
    let checkOnly: Bool
    let ready: Bool
    let buckets: [BucketReport]
}

private func printBucket(_ report: BucketReport, to output: Output) {
    output.line("s3://\(report.bucket) (\(report.region))")
    for item in report.items {
        let status = item.status == .ok && !report.checkOnly ? "ok" : item.status.rawValue
        output.line("  " + status.padding(toLength: 9, withPad: " ", startingAt: 0)
            + item.name.padding(toLength: 21, withPad: " ", startingAt: 0) + item.detail)
    }
}
