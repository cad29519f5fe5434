/// Where one secret is restored to.
public struct RestoreTarget: Equatable, Sendable, Codable {
    /// The secret's name in the target (the prefix already applied).
    public var name: String
    /// The target region.
    public var region: String
    /// The KMS key a re-created secret gets; nil for the account's default key.
    public var kmsKeyId: String?

    public init(name: String, region: String, kmsKeyId: String?) {
        self.name = name
        self.region = region
        self.kmsKeyId = kmsKeyId
    }
}

/// What a restore does to one secret, in words an operator reads in a plan.
public enum RestoreAction: String, Sendable, Codable {
    case create
    case undelete
    case rollBackValue = "roll back value"
    case updateMetadata = "update tags/description"
    case unchanged
    case skip
}

/// One Secrets Manager call of a restore. None carries a value: versions are named by
/// id and their bytes come from the snapshot when the step runs.
public enum RestoreStep: Equatable, Sendable {
    /// `CreateSecret` without a value.
    case createSecret(description: String?, kmsKeyId: String?, tags: [SecretDocument.Tag])
    /// `RestoreSecret`: cancel the scheduled deletion.
    case cancelDeletion
    /// `PutSecretValue` of the snapshot's version `id`, with `id` as the client request
    /// token (so it keeps its id and a retry is a no-op) and explicit `stages`.
    case putVersion(id: String, stages: [String])
    /// `UpdateSecretVersionStage` moving `stage` to version `to` from `from`.
    case moveStage(stage: String, to: String, from: String?)
    /// `UpdateSecretVersionStage` removing `stage` from version `from`.
    case removeStage(stage: String, from: String)
    /// `UpdateSecret` with the snapshot's description.
    case setDescription(String)
    /// `TagResource` with these tags.
    case addTags([SecretDocument.Tag])
    /// `UntagResource` of these keys.
    case removeTags([String])

    /// The step in words, without values.
    public var summary: String {
        switch self {
        case let .createSecret(_, kmsKeyId, tags):
            return "create the secret (key \(kmsKeyId ?? "default"), \(tags.count) tags)"
        case .cancelDeletion:
            return "cancel the scheduled deletion"
        case let .putVersion(id, stages):
            return "write version \(id) [\(stages.joined(separator: ","))]"
        case let .moveStage(stage, to, from):
            return "move \(stage) to \(to)" + (from.map { " from \($0)" } ?? "")
        case let .removeStage(stage, from):
            return "remove \(stage) from \(from)"
        case .setDescription:
            return "set the description"
        case let .addTags(tags):
            return "set tags " + tags.map(\.key).joined(separator: ",")
        case let .removeTags(keys):
            return "remove tags " + keys.joined(separator: ",")
        }
    }
}

/// The plan for one secret: what will be done, why, and the calls that do it.
public struct SecretPlan: Equatable, Sendable {
    /// The secret's name in the snapshot.
    public var source: String
    public var target: RestoreTarget
    /// In order: e.g. `[undelete, roll back value]`; `[unchanged]` or `[skip]` alone.
    public var actions: [RestoreAction]
    /// One reason per action, in words, never values.
    public var reasons: [String]
    public var steps: [RestoreStep]
    /// Things the restore cannot do and leaves as they are.
    public var notes: [String]

    /// The actions joined for a plan line: `undelete, roll back value`.
    public var summary: String { actions.map(\.rawValue).joined(separator: ", ") }

    /// Whether the plan changes anything.
    public var changesSomething: Bool { !steps.isEmpty }
}
