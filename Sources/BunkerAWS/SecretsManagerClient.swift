import Foundation

/// Typed Secrets Manager operations over an ``AWSClient`` (JSON protocol).
///
/// Responses carrying secret values are never included in errors or descriptions.
public struct SecretsManagerClient: Sendable {
    /// The underlying client (service `.secretsManager`).
    public let client: AWSClient
    private static let target = "secretsmanager"

    /// Wraps `client`, which must be for ``AWSService/secretsManager``.
    public init(client: AWSClient) {
        self.client = client
    }

    /// One page of secret metadata. `maxResults` is 1…100.
    public func listSecrets(
        filters: [SecretsFilter] = [], includePlannedDeletion: Bool = false,
        maxResults: Int = 100, nextToken: String? = nil
    ) throws -> ListSecretsPage {
        struct Input: Encodable {
            var Filters: [SecretsFilter]?
            var IncludePlannedDeletion: Bool
            var MaxResults: Int
            var NextToken: String?
        }
        struct Output: Decodable {
            var SecretList: [SecretListEntry]?
            var NextToken: String?
        }
        let output: Output = try call("ListSecrets", Input(
            Filters: filters.isEmpty ? nil : filters,
            IncludePlannedDeletion: includePlannedDeletion, MaxResults: maxResults,
            NextToken: nextToken))
        return ListSecretsPage(
            secrets: output.SecretList ?? [], nextToken: Pagination.token(output.NextToken))
    }

    /// Current values of up to 20 secrets; per-secret failures come back in `errors`.
    public func batchGetSecretValue(
        secretIdList: [String], nextToken: String? = nil
    ) throws -> BatchSecretValues {
        struct Input: Encodable {
            var SecretIdList: [String]
            var NextToken: String?
        }
        struct Output: Decodable {
            var SecretValues: [SecretValue]?
            var Errors: [APIErrorEntry]?
            var NextToken: String?
        }
        let output: Output = try call(
            "BatchGetSecretValue", Input(SecretIdList: secretIdList, NextToken: nextToken))
        return BatchSecretValues(
            values: output.SecretValues ?? [], errors: output.Errors ?? [],
            nextToken: Pagination.token(output.NextToken))
    }

    /// One version of a secret (the `AWSCURRENT` one when neither id nor stage is given).
    public func getSecretValue(
        secretId: String, versionId: String? = nil, versionStage: String? = nil
    ) throws -> SecretValue {
        struct Input: Encodable {
            var SecretId: String
            var VersionId: String?
            var VersionStage: String?
        }
        return try call("GetSecretValue", Input(
            SecretId: secretId, VersionId: versionId, VersionStage: versionStage))
    }

    /// One page of a secret's versions; `maxResults` is 1…100.
    public func listSecretVersionIds(
        secretId: String, includeDeprecated: Bool = false, maxResults: Int = 100,
        nextToken: String? = nil
    ) throws -> SecretVersionsPage {
        struct Input: Encodable {
            var SecretId: String
            var IncludeDeprecated: Bool
            var MaxResults: Int
            var NextToken: String?
        }
        return try call("ListSecretVersionIds", Input(
            SecretId: secretId, IncludeDeprecated: includeDeprecated, MaxResults: maxResults,
            NextToken: nextToken))
    }

    /// A secret's metadata.
    public func describeSecret(secretId: String) throws -> DescribeSecretResponse {
        try call("DescribeSecret", SecretIdInput(SecretId: secretId))
    }

    /// Creates a secret, optionally with its first value; with a value and no
    /// `clientRequestToken`, a fresh token (the first version's id) is generated.
    public func createSecret(
        name: String, description: String? = nil, kmsKeyId: String? = nil,
        value: SecretPayload? = nil, tags: [SecretTag] = [], clientRequestToken: String? = nil
    ) throws -> SecretWriteResult {
        struct Input: Encodable {
            var Name: String
            var Description: String?
            var KmsKeyId: String?
            var SecretString: String?
            var SecretBinary: Data?
            var Tags: [SecretTag]?
            var ClientRequestToken: String?
        }
        return try call("CreateSecret", Input(
            Name: name, Description: description, KmsKeyId: kmsKeyId,
            SecretString: value?.string, SecretBinary: value?.binary,
            Tags: tags.isEmpty ? nil : tags,
            ClientRequestToken: clientRequestToken
                ?? (value == nil ? nil : UUID().uuidString.lowercased())))
    }

    /// Adds a version. `clientRequestToken` becomes the version id; a retry with the same
    /// token and value is a no-op, the same token with another value an error. Without a
    /// token a fresh one is generated, as the AWS SDKs do (raw API calls must carry one).
    public func putSecretValue(
        secretId: String, clientRequestToken: String? = nil, value: SecretPayload,
        versionStages: [String]? = nil
    ) throws -> SecretWriteResult {
        struct Input: Encodable {
            var SecretId: String
            var ClientRequestToken: String?
            var SecretString: String?
            var SecretBinary: Data?
            var VersionStages: [String]?
        }
        return try call("PutSecretValue", Input(
            SecretId: secretId,
            ClientRequestToken: clientRequestToken ?? UUID().uuidString.lowercased(),
            SecretString: value.string, SecretBinary: value.binary, VersionStages: versionStages))
    }

    /// Moves or removes a staging label.
    public func updateSecretVersionStage(
        secretId: String, versionStage: String, moveToVersionId: String? = nil,
        removeFromVersionId: String? = nil
    ) throws -> SecretWriteResult {
        struct Input: Encodable {
            var SecretId: String
            var VersionStage: String
            var MoveToVersionId: String?
            var RemoveFromVersionId: String?
        }
        return try call("UpdateSecretVersionStage", Input(
            SecretId: secretId, VersionStage: versionStage, MoveToVersionId: moveToVersionId,
            RemoveFromVersionId: removeFromVersionId))
    }

    /// Changes the description and/or KMS key (no value change).
    public func updateSecret(
        secretId: String, description: String? = nil, kmsKeyId: String? = nil
    ) throws -> SecretWriteResult {
        struct Input: Encodable {
            var SecretId: String
            var Description: String?
            var KmsKeyId: String?
            var ClientRequestToken: String
        }
        // The token is an idempotency token the AWS SDKs always fill in; without a value
        // it creates no version, but some implementations insist on it.
        return try call("UpdateSecret", Input(
            SecretId: secretId, Description: description, KmsKeyId: kmsKeyId,
            ClientRequestToken: UUID().uuidString.lowercased()))
    }

    /// Adds or overwrites tags.
    public func tagResource(secretId: String, tags: [SecretTag]) throws {
        struct Input: Encodable {
            var SecretId: String
            var Tags: [SecretTag]
        }
        let _: EmptyOutput = try call("TagResource", Input(SecretId: secretId, Tags: tags))
    }

    /// Removes tags by key.
    public func untagResource(secretId: String, tagKeys: [String]) throws {
        struct Input: Encodable {
            var SecretId: String
            var TagKeys: [String]
        }
        let _: EmptyOutput = try call("UntagResource", Input(SecretId: secretId, TagKeys: tagKeys))
    }

    /// Cancels a scheduled deletion.
    public func restoreSecret(secretId: String) throws -> SecretWriteResult {
        try call("RestoreSecret", SecretIdInput(SecretId: secretId))
    }

    /// Schedules deletion after `recoveryWindowInDays` (7…30), or deletes at once when
    /// `forceDeleteWithoutRecovery` is true (the two are exclusive).
    public func deleteSecret(
        secretId: String, forceDeleteWithoutRecovery: Bool = false,
        recoveryWindowInDays: Int? = nil
    ) throws -> SecretWriteResult {
        struct Input: Encodable {
            var SecretId: String
            var ForceDeleteWithoutRecovery: Bool?
            var RecoveryWindowInDays: Int?
        }
        return try call("DeleteSecret", Input(
            SecretId: secretId,
            ForceDeleteWithoutRecovery: forceDeleteWithoutRecovery ? true : nil,
            RecoveryWindowInDays: forceDeleteWithoutRecovery ? nil : recoveryWindowInDays))
    }

    private struct SecretIdInput: Encodable {
        var SecretId: String
    }

    private func call<Output: Decodable>(
        _ operation: String, _ input: some Encodable
    ) throws -> Output {
        try client.json(targetPrefix: Self.target, operation: operation, input: input)
    }
}
