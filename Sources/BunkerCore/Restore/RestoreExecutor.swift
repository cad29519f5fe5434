import BunkerAWS
import Foundation

/// What happened to one secret in a restore.
public enum RestoreOutcome: String, Sendable, Codable {
    /// Dry run: the plan would change it.
    case planned
    case restored
    case unchanged
    case skipped
    case failed
}

/// Carries out one secret's plan against Secrets Manager until the secret matches the
/// snapshot.
///
/// After running the plan's steps it reads the secret again and plans anew; it stops when
/// nothing is left to do, and gives up after ``rounds`` rounds. So a step that raced with
/// another writer, or a service whose labelling differs from the model, is corrected, and
/// an interrupted restore that is run again picks up where it stopped. Every write is
/// idempotent: versions are written with their original id as the client request token.
struct RestoreExecutor {
    static let rounds = 3

    /// How often, and how long apart, creating a name that is still reserved after a
    /// forced deletion is tried.
    static let reservedNameAttempts = 6
    static let reservedNameDelay: TimeInterval = 5

    let client: SecretsManagerClient
    let reader: LiveSecretReader
    let planner: RestorePlanner
    let pacer: QuotaPacer
    let sleep: (TimeInterval) -> Void

    /// Restores `document` to `plan.target`, starting from `plan` (made from a fresh read).
    ///
    /// - Returns: the outcome and, for a failure, the reason (never a value).
    func restore(
        _ document: SecretDocument, plan: SecretPlan, reviveScheduled: Bool
    ) -> (RestoreOutcome, String?) {
        var current = plan
        var wrote = false
        for _ in 0..<Self.rounds {
            if current.actions == [.skip] { return (wrote ? .restored : .skipped, nil) }
            if !current.changesSomething { return (wrote ? .restored : .unchanged, nil) }
            wrote = true
            do {
                try run(current.steps, document, target: current.target)
                let live = try reader.read(current.target.name)
                current = planner.plan(
                    document, live: live, target: current.target,
                    reviveScheduled: reviveScheduled)
            } catch {
                return (.failed, RestoreExecutor.describe(error))
            }
        }
        if !current.changesSomething { return (.restored, nil) }
        let left = current.steps.map(\.summary).joined(separator: "; ")
        return (.failed, "still differs from the snapshot after \(Self.rounds) rounds: \(left)")
    }

    /// Runs steps in order; a step that found the secret changed under it ends the
    /// round early, so the next round plans from what is really there.
    private func run(
        _ steps: [RestoreStep], _ document: SecretDocument, target: RestoreTarget
    ) throws {
        for step in steps {
            do {
                try run(step, document, target: target)
            } catch let error as AWSError where Self.meansReplan(error, step: step) {
                return
            }
        }
    }

    private func run(
        _ step: RestoreStep, _ document: SecretDocument, target: RestoreTarget
    ) throws {
        let name = target.name
        switch step {
        case let .createSecret(description, kmsKeyId, tags):
            try create(name, description: description, kmsKeyId: kmsKeyId, tags: tags)
        case .cancelDeletion:
            pacer.acquire("RestoreSecret")
            _ = try client.restoreSecret(secretId: name)
        case let .putVersion(id, stages):
            guard let payload = document.versions.first(where: { $0.id == id })?.payload else {
                throw BunkerError.secretNotInSnapshot(
                    name: document.name, snapshot: "", detail: "version \(id) has no value")
            }
            pacer.acquire("PutSecretValue")
            do {
                _ = try client.putSecretValue(
                    secretId: name, clientRequestToken: id, value: payload, versionStages: stages)
            } catch let error as AWSError where error.code == "ResourceExistsException" {
                throw RestoreConflict.versionInUse(id: id)
            }
        case let .moveStage(stage, to, from):
            pacer.acquire("UpdateSecretVersionStage")
            _ = try client.updateSecretVersionStage(
                secretId: name, versionStage: stage, moveToVersionId: to, removeFromVersionId: from)
        case let .removeStage(stage, from):
            pacer.acquire("UpdateSecretVersionStage")
            _ = try client.updateSecretVersionStage(
                secretId: name, versionStage: stage, removeFromVersionId: from)
        case let .setDescription(text):
            pacer.acquire("UpdateSecret")
            _ = try client.updateSecret(secretId: name, description: text)
        case let .addTags(tags):
            pacer.acquire("TagResource")
            try client.tagResource(
                secretId: name, tags: tags.map { SecretTag(key: $0.key, value: $0.value) })
        case let .removeTags(keys):
            pacer.acquire("UntagResource")
            try client.untagResource(secretId: name, tagKeys: keys)
        }
    }

    /// `CreateSecret` without a value. A name scheduled for deletion, or one just taken by
    /// a retry or another writer, leads to a new plan; a name that is only reserved after a
    /// forced deletion is tried again for a while.
    private func create(
        _ name: String, description: String?, kmsKeyId: String?, tags: [SecretDocument.Tag]
    ) throws {
        for attempt in 1...Self.reservedNameAttempts {
            do {
                pacer.acquire("CreateSecret")
                _ = try client.createSecret(
                    name: name, description: description, kmsKeyId: kmsKeyId,
                    tags: tags.map { SecretTag(key: $0.key, value: $0.value) })
                return
            } catch let error as AWSError where Self.isDeletedNameError(error) {
                if try reader.read(name) != nil { throw error }
                guard attempt < Self.reservedNameAttempts else {
                    throw RestoreConflict.nameReserved(name: name)
                }
                sleep(Self.reservedNameDelay)
            }
        }
    }

    /// Secrets Manager's refusal to create a name that is scheduled for deletion or still
    /// reserved after a forced deletion (an `InvalidRequestException` about the deletion).
    private static func isDeletedNameError(_ error: AWSError) -> Bool {
        guard error.code == "InvalidRequestException",
            case let .service(_, message, _, _) = error
        else { return false }
        return message.localizedCaseInsensitiveContains("delet")
    }

    /// Errors that mean the secret is not as the plan assumed: plan again.
    private static func meansReplan(_ error: AWSError, step: RestoreStep) -> Bool {
        switch (error.code, step) {
        case ("ResourceExistsException", .createSecret):
            return true
        case ("InvalidRequestException", .createSecret):
            return isDeletedNameError(error)
        case ("InvalidParameterException", .moveStage), ("InvalidParameterException", .removeStage):
            return true
        case ("InvalidRequestException", .cancelDeletion):
            return true
        default:
            return false
        }
    }

    static func describe(_ error: Error) -> String {
        if let error = error as? AWSError, let code = error.code { return "\(code): \(error)" }
        return "\(error)"
    }
}

/// A restore write that would clash with what is there.
enum RestoreConflict: Error, CustomStringConvertible {
    /// The version id is taken by a version with other content.
    case versionInUse(id: String)
    /// The name stays reserved after a forced deletion.
    case nameReserved(name: String)

    var description: String {
        switch self {
        case let .versionInUse(id):
            return "version id \(id) is already used by a version with different content; "
                + "nothing was overwritten. Restore under --prefix to compare"
        case let .nameReserved(name):
            return "the name \(name) is still reserved after a forced deletion; "
                + "run the same restore again in a few minutes"
        }
    }
}

extension SecretVersionRecord {
    /// The value to write back, or nil when the snapshot has none.
    var payload: SecretPayload? {
        if let secretString { return .string(secretString) }
        if let secretBinary { return .binary(secretBinary) }
        return nil
    }
}
