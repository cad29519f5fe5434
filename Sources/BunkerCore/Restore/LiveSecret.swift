import BunkerAWS
import Foundation

/// A secret as Secrets Manager holds it now: metadata and version labels, never values.
public struct LiveSecret: Equatable, Sendable {
    public var name: String
    public var arn: String
    public var description: String?
    public var kmsKeyId: String?
    public var tags: [String: String]
    /// Set when the secret is scheduled for deletion.
    public var deletedDate: Date?
    public var primaryRegion: String?
    /// Every version, deprecated ones included, with its staging labels.
    public var versions: [String: [String]]

    public init(
        name: String, arn: String, description: String? = nil, kmsKeyId: String? = nil,
        tags: [String: String] = [:], deletedDate: Date? = nil, primaryRegion: String? = nil,
        versions: [String: [String]] = [:]
    ) {
        self.name = name
        self.arn = arn
        self.description = description
        self.kmsKeyId = kmsKeyId
        self.tags = tags
        self.deletedDate = deletedDate
        self.primaryRegion = primaryRegion
        self.versions = versions
    }
}

/// Reads ``LiveSecret``s: `DescribeSecret`, then `ListSecretVersionIds` with deprecated
/// versions (which `DescribeSecret` leaves out).
struct LiveSecretReader {
    let client: SecretsManagerClient
    let pacer: QuotaPacer

    /// The secret called `name`, or nil when there is none (a name that is only reserved
    /// after a forced deletion also reads as none).
    func read(_ name: String) throws -> LiveSecret? {
        let described: DescribeSecretResponse
        do {
            pacer.acquire("DescribeSecret")
            described = try client.describeSecret(secretId: name)
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return nil
        }

        var versions: [String: [String]] = [:]
        do {
            try Pagination.forEachPage("ListSecretVersionIds") { token in
                pacer.acquire("ListSecretVersionIds")
                let page = try client.listSecretVersionIds(
                    secretId: described.arn, includeDeprecated: true, nextToken: token)
                for version in page.versions { versions[version.versionId] = version.versionStages }
                return page.nextToken
            }
        } catch let error as AWSError
            where error.isInvalidRequest && described.deletedDate != nil
        {
            // A secret scheduled for deletion may refuse the listing; its labelled
            // versions are in DescribeSecret.
            versions = described.secretVersionsToStages ?? [:]
        }

        return LiveSecret(
            name: described.name, arn: described.arn, description: described.description,
            kmsKeyId: described.kmsKeyId,
            tags: Dictionary((described.tags ?? []).map { ($0.key, $0.value) }) { _, last in last },
            deletedDate: described.deletedDate, primaryRegion: described.primaryRegion,
            versions: versions)
    }
}
