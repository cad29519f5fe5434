import Foundation

/// A `ListSecrets` / `BatchGetSecretValue` filter (`Key` is `name`, `tag-key`, `all`, …).
public struct SecretsFilter: Codable, Sendable, Equatable {
    public var key: String
    public var values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key", values = "Values"
    }
}

/// A secret's tag.
public struct SecretTag: Codable, Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key", value = "Value"
    }
}

/// The rotation schedule of a secret.
public struct RotationRules: Codable, Sendable, Equatable {
    public var automaticallyAfterDays: Int?
    public var duration: String?
    public var scheduleExpression: String?

    enum CodingKeys: String, CodingKey {
        case automaticallyAfterDays = "AutomaticallyAfterDays", duration = "Duration"
        case scheduleExpression = "ScheduleExpression"
    }
}

/// The state of one replica of a secret.
public struct ReplicationStatus: Codable, Sendable, Equatable {
    public var region: String
    public var kmsKeyId: String?
    public var status: String?
    public var statusMessage: String?
    public var lastAccessedDate: Date?

    enum CodingKeys: String, CodingKey {
        case region = "Region", kmsKeyId = "KmsKeyId", status = "Status"
        case statusMessage = "StatusMessage", lastAccessedDate = "LastAccessedDate"
    }
}

/// A secret's metadata, as `ListSecrets` and `DescribeSecret` return it (no value).
///
/// `secretVersionsToStages` is `SecretVersionsToStages` in `ListSecrets` and
/// `VersionIdsToStages` in `DescribeSecret`; both decode into it. `ARN` and `Name` are
/// required (AWS always sends them).
public struct SecretListEntry: Codable, Sendable, Equatable {
    public var arn: String
    public var name: String
    public var description: String?
    public var kmsKeyId: String?
    public var rotationEnabled: Bool?
    public var rotationLambdaARN: String?
    public var rotationRules: RotationRules?
    public var tags: [SecretTag]?
    public var secretVersionsToStages: [String: [String]]?
    public var createdDate: Date?
    public var lastChangedDate: Date?
    public var lastAccessedDate: Date?
    public var lastRotatedDate: Date?
    public var nextRotationDate: Date?
    public var deletedDate: Date?
    public var owningService: String?
    public var primaryRegion: String?
    public var replicationStatus: [ReplicationStatus]?

    enum CodingKeys: String, CodingKey {
        case arn = "ARN", name = "Name", description = "Description", kmsKeyId = "KmsKeyId"
        case rotationEnabled = "RotationEnabled", rotationLambdaARN = "RotationLambdaARN"
        case rotationRules = "RotationRules", tags = "Tags"
        case secretVersionsToStages = "SecretVersionsToStages"
        case versionIdsToStages = "VersionIdsToStages"
        case createdDate = "CreatedDate", lastChangedDate = "LastChangedDate"
        case lastAccessedDate = "LastAccessedDate", lastRotatedDate = "LastRotatedDate"
        case nextRotationDate = "NextRotationDate", deletedDate = "DeletedDate"
        case owningService = "OwningService", primaryRegion = "PrimaryRegion"
        case replicationStatus = "ReplicationStatus"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        arn = try c.decode(String.self, forKey: .arn)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        kmsKeyId = try c.decodeIfPresent(String.self, forKey: .kmsKeyId)
        rotationEnabled = try c.decodeIfPresent(Bool.self, forKey: .rotationEnabled)
        rotationLambdaARN = try c.decodeIfPresent(String.self, forKey: .rotationLambdaARN)
        rotationRules = try c.decodeIfPresent(RotationRules.self, forKey: .rotationRules)
        tags = try c.decodeIfPresent([SecretTag].self, forKey: .tags)
        secretVersionsToStages = try c.decodeIfPresent(
            [String: [String]].self, forKey: .secretVersionsToStages)
            ?? c.decodeIfPresent([String: [String]].self, forKey: .versionIdsToStages)
        createdDate = try c.decodeIfPresent(Date.self, forKey: .createdDate)
        lastChangedDate = try c.decodeIfPresent(Date.self, forKey: .lastChangedDate)
        lastAccessedDate = try c.decodeIfPresent(Date.self, forKey: .lastAccessedDate)
        lastRotatedDate = try c.decodeIfPresent(Date.self, forKey: .lastRotatedDate)
        nextRotationDate = try c.decodeIfPresent(Date.self, forKey: .nextRotationDate)
        deletedDate = try c.decodeIfPresent(Date.self, forKey: .deletedDate)
        owningService = try c.decodeIfPresent(String.self, forKey: .owningService)
        primaryRegion = try c.decodeIfPresent(String.self, forKey: .primaryRegion)
        replicationStatus = try c.decodeIfPresent(
            [ReplicationStatus].self, forKey: .replicationStatus)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(arn, forKey: .arn)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(description, forKey: .description)
        try c.encodeIfPresent(kmsKeyId, forKey: .kmsKeyId)
        try c.encodeIfPresent(rotationEnabled, forKey: .rotationEnabled)
        try c.encodeIfPresent(rotationLambdaARN, forKey: .rotationLambdaARN)
        try c.encodeIfPresent(rotationRules, forKey: .rotationRules)
        try c.encodeIfPresent(tags, forKey: .tags)
        try c.encodeIfPresent(secretVersionsToStages, forKey: .secretVersionsToStages)
        try c.encodeIfPresent(createdDate, forKey: .createdDate)
        try c.encodeIfPresent(lastChangedDate, forKey: .lastChangedDate)
        try c.encodeIfPresent(lastAccessedDate, forKey: .lastAccessedDate)
        try c.encodeIfPresent(lastRotatedDate, forKey: .lastRotatedDate)
        try c.encodeIfPresent(nextRotationDate, forKey: .nextRotationDate)
        try c.encodeIfPresent(deletedDate, forKey: .deletedDate)
        try c.encodeIfPresent(owningService, forKey: .owningService)
        try c.encodeIfPresent(primaryRegion, forKey: .primaryRegion)
        try c.encodeIfPresent(replicationStatus, forKey: .replicationStatus)
    }
}

/// What `DescribeSecret` returns: the same fields as a ``SecretListEntry``.
public typealias DescribeSecretResponse = SecretListEntry

/// One page of `ListSecrets`.
public struct ListSecretsPage: Sendable {
    public var secrets: [SecretListEntry]
    public var nextToken: String?
}

/// One version of a secret with its value.
///
/// `secretBinary` is decoded from base64 exactly once. `description`, `debugDescription`
/// and the mirror never show the value.
public struct SecretValue: Codable, Sendable, Equatable, CustomStringConvertible,
    CustomDebugStringConvertible, CustomReflectable
{
    public var arn: String
    public var name: String
    public var versionId: String
    public var secretString: String?
    public var secretBinary: Data?
    public var versionStages: [String]?
    public var createdDate: Date?

    public init(
        arn: String, name: String, versionId: String,
        secretString: String? = nil, secretBinary: Data? = nil,
        versionStages: [String]? = nil, createdDate: Date? = nil
    ) {
        self.arn = arn
        self.name = name
        self.versionId = versionId
        self.secretString = secretString
        self.secretBinary = secretBinary
        self.versionStages = versionStages
        self.createdDate = createdDate
    }

    enum CodingKeys: String, CodingKey {
        case arn = "ARN", name = "Name", versionId = "VersionId"
        case secretString = "SecretString", secretBinary = "SecretBinary"
        case versionStages = "VersionStages", createdDate = "CreatedDate"
    }

    public var description: String {
        let kind = secretString != nil ? "string" : (secretBinary != nil ? "binary" : "none")
        return "SecretValue(\(name), version \(versionId), "
            + "\(kind) value <redacted>)"
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}

/// A per-secret failure of `BatchGetSecretValue`.
public struct APIErrorEntry: Codable, Sendable, Equatable {
    public var secretId: String?
    public var errorCode: String?
    public var message: String?

    enum CodingKeys: String, CodingKey {
        case secretId = "SecretId", errorCode = "ErrorCode", message = "Message"
    }
}

/// The result of `BatchGetSecretValue`.
public struct BatchSecretValues: Sendable {
    public var values: [SecretValue]
    public var errors: [APIErrorEntry]
    public var nextToken: String?
}

/// One entry of `ListSecretVersionIds`.
///
/// `VersionStages` is empty for deprecated versions (AWS omits it).
public struct SecretVersionEntry: Codable, Sendable, Equatable {
    public var versionId: String
    public var versionStages: [String]
    public var createdDate: Date?
    public var lastAccessedDate: Date?
    public var kmsKeyIds: [String]?

    enum CodingKeys: String, CodingKey {
        case versionId = "VersionId", versionStages = "VersionStages"
        case createdDate = "CreatedDate", lastAccessedDate = "LastAccessedDate"
        case kmsKeyIds = "KmsKeyIds"
    }

    public init(
        versionId: String, versionStages: [String]? = nil, createdDate: Date? = nil,
        lastAccessedDate: Date? = nil, kmsKeyIds: [String]? = nil
    ) {
        self.versionId = versionId
        self.versionStages = versionStages ?? []
        self.createdDate = createdDate
        self.lastAccessedDate = lastAccessedDate
        self.kmsKeyIds = kmsKeyIds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        versionId = try c.decode(String.self, forKey: .versionId)
        versionStages = try c.decodeIfPresent([String].self, forKey: .versionStages) ?? []
        createdDate = try c.decodeIfPresent(Date.self, forKey: .createdDate)
        lastAccessedDate = try c.decodeIfPresent(Date.self, forKey: .lastAccessedDate)
        kmsKeyIds = try c.decodeIfPresent([String].self, forKey: .kmsKeyIds)
    }
}

/// One page of `ListSecretVersionIds`.
public struct SecretVersionsPage: Codable, Sendable {
    public var arn: String?
    public var name: String?
    public var versions: [SecretVersionEntry]
    public var nextToken: String?

    enum CodingKeys: String, CodingKey {
        case arn = "ARN", name = "Name", versions = "Versions", nextToken = "NextToken"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        arn = try c.decodeIfPresent(String.self, forKey: .arn)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        versions = try c.decodeIfPresent([SecretVersionEntry].self, forKey: .versions) ?? []
        nextToken = Pagination.token(try c.decodeIfPresent(String.self, forKey: .nextToken))
    }
}

/// What write operations return (`CreateSecret`, `PutSecretValue`, `UpdateSecret`, …).
public struct SecretWriteResult: Codable, Sendable, Equatable {
    public var arn: String?
    public var name: String?
    public var versionId: String?
    public var versionStages: [String]?
    public var deletionDate: Date?

    enum CodingKeys: String, CodingKey {
        case arn = "ARN", name = "Name", versionId = "VersionId"
        case versionStages = "VersionStages", deletionDate = "DeletionDate"
    }
}

/// The value to write: text or bytes (never both).
public enum SecretPayload: Sendable {
    case string(String)
    case binary(Data)

    var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    var binary: Data? {
        if case let .binary(data) = self { return data }
        return nil
    }
}
