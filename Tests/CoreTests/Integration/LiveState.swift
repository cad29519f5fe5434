import BunkerAWS
import BunkerCore
import Foundation
import Testing
import TestSupport

/// What Secrets Manager holds for a set of secrets, read as the admin: metadata, version
/// labels and (where readable) every version's value. Holds fake test values only.
struct LiveState: Equatable {
    struct Secret: Equatable {
        var description: String
        var tags: [String: String]
        var scheduledForDeletion: Bool
        /// Version id → sorted labels, deprecated versions included.
        var versions: [String: [String]]
        /// Version id → value bytes; empty for a secret scheduled for deletion.
        var values: [String: Data]

        var currentVersion: String? {
            versions.first { $0.value.contains("AWSCURRENT") }?.key
        }

        var currentValue: Data? { currentVersion.flatMap { values[$0] } }
    }

    /// Name → secret, or nil when there is none.
    var secrets: [String: Secret?]

    static func read(_ names: [String], region: String = "eu-north-1") throws -> LiveState {
        let world = try #require(MotoWorld.current)
        let client = try AWSServices(environment: world.adminEnvironment).secretsManager(region: region)
        var secrets: [String: Secret?] = [:]
        for name in names {
            let described: DescribeSecretResponse
            do {
                described = try client.describeSecret(secretId: name)
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                secrets[name] = .some(nil)
                continue
            }
            let listed = try client.listSecretVersionIds(secretId: name, includeDeprecated: true)
            var versions: [String: [String]] = [:]
            var values: [String: Data] = [:]
            for version in listed.versions {
                versions[version.versionId] = version.versionStages.sorted()
                guard described.deletedDate == nil else { continue }
                let value = try client.getSecretValue(secretId: name, versionId: version.versionId)
                values[version.versionId] = value.secretBinary ?? Data((value.secretString ?? "").utf8)
            }
            secrets[name] = Secret(
                description: described.description ?? "",
                tags: Dictionary((described.tags ?? []).map { ($0.key, $0.value) }) { _, last in last },
                scheduledForDeletion: described.deletedDate != nil,
                versions: versions, values: values)
        }
        return LiveState(secrets: secrets)
    }

    subscript(name: String) -> Secret? { secrets[name] ?? nil }
}
