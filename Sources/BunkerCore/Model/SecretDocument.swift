import Foundation

/// Everything captured about one secret: one JSON document in the archive.
///
/// This is the only place secret values live; it exists only inside the
/// encrypted archive and in memory.
public struct SecretDocument: Codable, Equatable, Sendable {
    public struct Tag: Codable, Equatable, Sendable {
        public var key: String
        public var value: String
    }

    public struct Rotation: Codable, Equatable, Sendable {
        public var enabled: Bool
        public var lambdaArn: String?
        public var automaticallyAfterDays: Int?
        public var scheduleExpression: String?
        public var duration: String?
        public var lastRotated: String?
        public var nextRotation: String?
    }

    public struct ReplicaStatus: Codable, Equatable, Sendable {
        public var region: String
        public var kmsKeyId: String?
        public var status: String?
        public var statusMessage: String?
    }

    public var name: String
    public var arn: String
    public var description: String?
    public var kmsKeyId: String?
    public var tags: [Tag]
    public var rotation: Rotation
    public var primaryRegion: String?
    public var replication: [ReplicaStatus]
    public var created: String?
    public var lastChanged: String?
    public var deleted: String?
    public var scheduledForDeletion: Bool
    public var versions: [SecretVersionRecord]
}

/// One version of a secret with its labels and (when it could be read) its value.
public struct SecretVersionRecord: Codable, Equatable, Sendable {
    /// Where a version's value came from.
    public enum ValueSource: String, Codable, Sendable {
        /// Read from Secrets Manager during this snapshot.
        case captured
        /// Copied from an earlier snapshot (the secret is scheduled for deletion).
        case carriedForward
        /// No value could be obtained; see `unavailableReason`.
        case unavailable
    }

    public var id: String
    public var stages: [String]
    public var created: String?
    public var valueSource: ValueSource
    /// The snapshot a carried-forward value was copied from.
    public var carriedFrom: String?
    public var unavailableReason: String?
    public var secretString: String?
    /// Raw bytes; JSON-encoded as base64 by the archive's encoder.
    public var secretBinary: Data?

    /// A copy without the value, for listings.
    public var withoutValue: SecretVersionRecord {
        var copy = self
        copy.secretString = nil
        copy.secretBinary = nil
        return copy
    }
}
