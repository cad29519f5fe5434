import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// `bunker cat` (break glass) and restores into another region.
@Suite(.enabled(if: MotoWorld.isAvailable))
struct CatAndRegionTests {
    @Test func cat_printsExactlyTheValue_ofTheCurrentOrAGivenVersion() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("cat"))
        let bunker = try Bunker(seeded)
        let snapshot = try bunker.snapshot()

        for secret in seeded.expected.secrets where !secret.scheduledForDeletion {
            guard let current = secret.versions.first(where: { $0.stages.contains("AWSCURRENT") })
            else { continue }
            let result = try bunker.run(["cat", "--at", snapshot.time, secret.name],
                                        environment: world.restoreEnvironment)
            #expect(result.status == 0, "\(result.errorOutput)")
            #expect(result.stdout == current.bytes, "cat of \(secret.name) differs")
            #expect(result.stderr.isEmpty)
            for version in secret.versions {
                let one = try bunker.run(["cat", "--at", "latest", secret.name, "--version", version.versionId],
                                         environment: world.restoreEnvironment)
                #expect(one.stdout == version.bytes, "\(secret.name) \(version.versionId)")
            }
        }

        let missing = try bunker.run(["cat", "--at", "latest", "no/such/secret"],
                                     environment: world.restoreEnvironment)
        #expect(missing.status == 5)
        #expect(missing.stdout.isEmpty)
    }

    @Test func restoreIntoAnotherRegion_createsTheSecretsThere() throws {
        let world = try #require(MotoWorld.current)
        let seeded = try world.seed(namespace: MotoWorld.uniqueNamespace("region"))
        let bunker = try Bunker(seeded)
        let snapshot = try bunker.snapshot()

        let result = try bunker.run(
            ["restore", "--at", snapshot.id, "--region", "eu-west-1", "--json"],
            environment: world.restoreEnvironment)
        #expect(result.status == 0, "a restore into another region needs no --yes: \(result.errorOutput)")
        let report = try JSONDecoder().decode(RestoreReport.self, from: result.stdout)
        #expect(report.region == "eu-west-1")

        let live = try LiveState.read(seeded.expected.secrets.map(\.name), region: "eu-west-1")
        for secret in seeded.expected.secrets where !secret.scheduledForDeletion {
            guard let current = secret.versions.first(where: { $0.stages.contains("AWSCURRENT") })
            else {
                let copy = try #require(live[secret.name], "\(secret.name) never had a value")
                #expect(copy.versions.isEmpty, "re-created without a value, as it was")
                continue
            }
            let copy = try #require(live[secret.name], "\(secret.name) not in eu-west-1")
            #expect(copy.currentValue == current.bytes)
            #expect(Set(copy.versions.keys) == Set(secret.versions.map(\.versionId)))
        }
    }
}
