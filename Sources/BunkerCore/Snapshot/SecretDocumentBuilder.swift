import BunkerAWS
import Foundation

/// Turns Secrets Manager API shapes into Bunker's archive documents.
enum SecretDocumentBuilder {
    static func document(from entry: SecretListEntry) -> SecretDocument {
        SecretDocument(
            name: entry.name,
            arn: entry.arn,
            description: entry.description,
            kmsKeyId: entry.kmsKeyId,
            tags: (entry.tags ?? []).map { SecretDocument.Tag(key: $0.key, value: $0.value) },
            rotation: SecretDocument.Rotation(
                enabled: entry.rotationEnabled ?? false,
                lambdaArn: entry.rotationLambdaARN,
                automaticallyAfterDays: entry.rotationRules?.automaticallyAfterDays,
                scheduleExpression: entry.rotationRules?.scheduleExpression,
                duration: entry.rotationRules?.duration,
                lastRotated: entry.lastRotatedDate.map(Timestamps.iso8601),
                nextRotation: entry.nextRotationDate.map(Timestamps.iso8601)),
            primaryRegion: entry.primaryRegion,
            replication: [],
            created: entry.createdDate.map(Timestamps.iso8601),
            lastChanged: entry.lastChangedDate.map(Timestamps.iso8601),
            deleted: entry.deletedDate.map(Timestamps.iso8601),
            scheduledForDeletion: entry.deletedDate != nil,
            versions: [])
    }

    static func replication(
        from details: DescribeSecretResponse
    ) -> [SecretDocument.ReplicaStatus] {
        (details.replicationStatus ?? []).map {
            SecretDocument.ReplicaStatus(
                region: $0.region, kmsKeyId: $0.kmsKeyId, status: $0.status,
                statusMessage: $0.statusMessage)
        }
    }

    static func captured(_ version: SecretVersionEntry, value: SecretValue) -> SecretVersionRecord {
        SecretVersionRecord(
            id: version.versionId,
            stages: version.versionStages,
            created: (value.createdDate ?? version.createdDate).map(Timestamps.iso8601),
            valueSource: .captured,
            carriedFrom: nil,
            unavailableReason: nil,
            secretString: value.secretString,
            secretBinary: value.secretBinary)
    }

    static func unavailable(_ version: SecretVersionEntry, reason: String) -> SecretVersionRecord {
        SecretVersionRecord(
            id: version.versionId,
            stages: version.versionStages,
            created: version.createdDate.map(Timestamps.iso8601),
            valueSource: .unavailable,
            carriedFrom: nil,
            unavailableReason: reason,
            secretString: nil,
            secretBinary: nil)
    }

    /// Version entries reconstructed from `SecretVersionsToStages` when the
    /// version listing is refused (secrets scheduled for deletion).
    static func versionsFromStages(_ entry: SecretListEntry) -> [SecretVersionEntry] {
        (entry.secretVersionsToStages ?? [:]).keys.sorted().map { id in
            SecretVersionEntry(
                versionId: id, versionStages: entry.secretVersionsToStages?[id], createdDate: nil)
        }
    }
}
