import Foundation

/// Decides what restoring one secret takes: pure, from the snapshot's document and the
/// live secret (or its absence).
///
/// - A missing secret is **created** without a value, then every version that has a
///   value is written with its original version id as the client request token, and the
///   labels are put back as they were.
/// - A secret scheduled for deletion is first **undeleted**.
/// - A live secret whose versions are all from the snapshot (typically one this restore
///   created and was interrupted on) is completed the same way: all versions and labels.
/// - Any other live secret gets its **value rolled back**: `AWSCURRENT` moves back to the
///   snapshot's current version when that version still exists, otherwise that version
///   is written again under its original id. Its other versions and labels are left alone.
/// - Description and tags are set to the snapshot's.
/// - A replica (owned by another region) is **skipped**: restore its primary.
///
/// Version values are trusted by id: Secrets Manager never changes the bytes of a version.
public struct RestorePlanner: Sendable {
    /// The label that carries freshly written versions until the labels are reconciled.
    public static let stagingLabel = "bunker-restoring"

    /// The region the snapshot was taken in.
    public let sourceRegion: String

    public init(sourceRegion: String) {
        self.sourceRegion = sourceRegion
    }

    /// The plan for restoring `document` into `target`, given the `live` secret there.
    public func plan(
        _ document: SecretDocument, live: LiveSecret?, target: RestoreTarget
    ) -> SecretPlan {
        var plan = SecretPlan(
            source: document.name, target: target, actions: [], reasons: [], steps: [], notes: [])

        if let primary = document.primaryRegion, !primary.isEmpty, primary != sourceRegion {
            return skipped(plan, "replica of a secret whose primary is in \(primary); "
                + "restore the primary in \(primary)")
        }
        let readable = document.versions.filter { $0.valueSource != .unavailable }

        guard let live else {
            guard !readable.isEmpty else {
                return skipped(plan, "the snapshot holds no value of any version "
                    + "(it was scheduled for deletion before any snapshot captured it)")
            }
            plan.actions = [.create]
            plan.reasons = ["does not exist in \(target.region)"]
            plan.steps = [.createSecret(
                description: document.description, kmsKeyId: target.kmsKeyId,
                tags: Self.userTags(document.tags))]
            plan.steps += fullVersionSteps(document, live: [:], notes: &plan.notes)
            return plan
        }

        if let deleted = live.deletedDate {
            plan.actions.append(.undelete)
            plan.reasons.append("scheduled for deletion on \(Timestamps.iso8601(deleted))")
            plan.steps.append(.cancelDeletion)
        }

        let snapshotIds = Set(document.versions.map(\.id))
        let onlySnapshotVersions = Set(live.versions.keys).isSubset(of: snapshotIds)
        let valueSteps = onlySnapshotVersions
            ? fullVersionSteps(document, live: live.versions, notes: &plan.notes)
            : rollbackSteps(document, live: live, notes: &plan.notes)
        if !valueSteps.isEmpty {
            plan.actions.append(.rollBackValue)
            plan.reasons.append(valueReason(document, live: live, full: onlySnapshotVersions))
            plan.steps += valueSteps
        }

        let metadata = metadataSteps(document, live: live)
        if !metadata.steps.isEmpty {
            plan.actions.append(.updateMetadata)
            plan.reasons.append(metadata.reason)
            plan.steps += metadata.steps
        }

        if plan.steps.isEmpty {
            plan.actions = [.unchanged]
            plan.reasons = ["matches the snapshot"]
        }
        return plan
    }

    // MARK: - Versions

    /// Writes every missing version that has a value, then makes the labels exactly the
    /// snapshot's.
    private func fullVersionSteps(
        _ document: SecretDocument, live: [String: [String]], notes: inout [String]
    ) -> [RestoreStep] {
        var model = StageModel(live)
        var steps: [RestoreStep] = []

        for version in document.versions.sortedByCreation() where !model.exists(version.id) {
            guard version.valueSource != .unavailable else {
                notes.append("version \(version.id) has no value in the snapshot; not restored")
                continue
            }
            steps.append(.putVersion(id: version.id, stages: [Self.stagingLabel]))
            model.put(version.id, stages: [Self.stagingLabel])
        }

        var desired: [String: String] = [:]
        for version in document.versions where model.exists(version.id) {
            for stage in version.stages { desired[stage] = version.id }
        }
        let order = desired.keys.sorted { lhs, rhs in
            (lhs == StageModel.current ? 0 : 1, lhs) < (rhs == StageModel.current ? 0 : 1, rhs)
        }
        for stage in order {
            guard let target = desired[stage] else { continue }
            let holder = model.holder(of: stage)
            if holder != target {
                steps.append(.moveStage(stage: stage, to: target, from: holder))
                model.move(stage, to: target)
            }
        }

        for (stage, holder) in model.assignments where desired[stage] != holder {
            if stage == StageModel.current {
                notes.append("the snapshot has no AWSCURRENT version; Secrets Manager keeps "
                    + "AWSCURRENT on \(holder)")
                continue
            }
            steps.append(.removeStage(stage: stage, from: holder))
            model.remove(stage, from: holder)
        }
        return steps
    }

    /// Only `AWSCURRENT` goes back to the snapshot's current version.
    private func rollbackSteps(
        _ document: SecretDocument, live: LiveSecret, notes: inout [String]
    ) -> [RestoreStep] {
        guard let current = document.versions.first(
            where: { $0.stages.contains(StageModel.current) })
        else {
            notes.append("the snapshot has no AWSCURRENT version; the live value is kept")
            return []
        }
        let model = StageModel(live.versions)
        let holder = model.holder(of: StageModel.current)
        if holder == current.id { return [] }
        if model.exists(current.id) {
            return [.moveStage(stage: StageModel.current, to: current.id, from: holder)]
        }
        guard current.valueSource != .unavailable else {
            notes.append("the snapshot holds no value of its current version \(current.id); "
                + "the live value is kept")
            return []
        }
        return [.putVersion(id: current.id, stages: [StageModel.current])]
    }

    private func valueReason(_ document: SecretDocument, live: LiveSecret, full: Bool) -> String {
        if full { return "versions or labels differ from the snapshot's" }
        let wanted = document.versions.first { $0.stages.contains(StageModel.current) }?.id ?? "?"
        let holder = StageModel(live.versions).holder(of: StageModel.current) ?? "no version"
        let how = live.versions[wanted] != nil
            ? "still present: the label moves back" : "gone: written back under its id"
        return "AWSCURRENT is on \(holder), the snapshot's is \(wanted) (\(how))"
    }

    // MARK: - Metadata

    private func metadataSteps(
        _ document: SecretDocument, live: LiveSecret
    ) -> (steps: [RestoreStep], reason: String) {
        var steps: [RestoreStep] = []
        var reasons: [String] = []

        let wantedDescription = document.description ?? ""
        if (live.description ?? "") != wantedDescription {
            steps.append(.setDescription(wantedDescription))
            reasons.append("description differs")
        }

        let userTags = Self.userTags(document.tags)
        let wanted = Dictionary(userTags.map { ($0.key, $0.value) }) { _, last in last }
        let changed = userTags.filter { live.tags[$0.key] != $0.value }
            .sorted { $0.key < $1.key }
        let extra = live.tags.keys.filter { wanted[$0] == nil && !Self.isSystemTag($0) }.sorted()
        if !changed.isEmpty { steps.append(.addTags(changed)) }
        if !extra.isEmpty { steps.append(.removeTags(extra)) }
        if !changed.isEmpty || !extra.isEmpty {
            let marks = changed.map { (live.tags[$0.key] == nil ? "+" : "~") + $0.key }
                + extra.map { "-" + $0 }
            reasons.append("tags differ (\(marks.joined(separator: " ")))")
        }
        return (steps, reasons.joined(separator: "; "))
    }

    /// Tags AWS reserves (`aws:…`, set by CloudFormation and others) cannot be written by
    /// callers; they are neither restored nor removed.
    static func isSystemTag(_ key: String) -> Bool { key.lowercased().hasPrefix("aws:") }

    private static func userTags(_ tags: [SecretDocument.Tag]) -> [SecretDocument.Tag] {
        tags.filter { !isSystemTag($0.key) }
    }

    private func skipped(_ plan: SecretPlan, _ reason: String) -> SecretPlan {
        var plan = plan
        plan.actions = [.skip]
        plan.reasons = [reason]
        return plan
    }
}

private extension Array where Element == SecretVersionRecord {
    /// Oldest first; versions without a date keep their archive order, before dated ones.
    func sortedByCreation() -> [SecretVersionRecord] {
        enumerated().sorted { lhs, rhs in
            let left = lhs.element.created ?? "", right = rhs.element.created ?? ""
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }
}
