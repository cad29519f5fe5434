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
/// - Any other live secret gets its **value rolled back**: the snapshot's versions that are
///   gone are written back under their ids, `AWSCURRENT` (and any custom label or
///   `AWSPENDING` the snapshot had) moves back to the snapshot's version, and Secrets
///   Manager puts `AWSPREVIOUS` on the version that was current. Versions and labels the
///   snapshot did not have are left alone.
/// - Description and tags are set to the snapshot's.
/// - A replica (owned by another region) is **skipped**: restore its primary.
/// - A secret that was already scheduled for deletion when the snapshot was taken is
///   **skipped** (restoring the moment does not revive what was being retired then),
///   unless the caller asks for it (`reviveScheduled`, an exact `--secret NAME`).
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
    ///
    /// - Parameter reviveScheduled: restore the secret even though it was scheduled for
    ///   deletion when the snapshot was taken.
    public func plan(
        _ document: SecretDocument, live: LiveSecret?, target: RestoreTarget,
        reviveScheduled: Bool = false
    ) -> SecretPlan {
        var plan = SecretPlan(
            source: document.name, target: target, actions: [], reasons: [], steps: [], notes: [])

        if let primary = document.primaryRegion, !primary.isEmpty, primary != sourceRegion {
            return skipped(plan, "replica of a secret whose primary is in \(primary); "
                + "restore the primary in \(primary)")
        }
        if document.scheduledForDeletion && !reviveScheduled {
            return skipped(plan, "it was already scheduled for deletion when the snapshot was "
                + "taken; name it exactly with --secret to bring it back")
        }
        let readable = document.versions.filter { $0.valueSource != .unavailable }

        guard let live else {
            guard !readable.isEmpty || document.versions.isEmpty else {
                return skipped(plan, "the snapshot holds no value of any of its versions "
                    + "(it was scheduled for deletion before any snapshot captured one)")
            }
            plan.actions = [.create]
            plan.reasons = [document.versions.isEmpty
                ? "does not exist in \(target.region) (it never had a value: created without one)"
                : "does not exist in \(target.region)"]
            plan.steps = [.createSecret(
                description: document.description, kmsKeyId: target.kmsKeyId,
                tags: Self.userTags(document.tags))]
            plan.steps += versionSteps(document, live: [:], exact: true, notes: &plan.notes)
            return plan
        }

        if let deleted = live.deletedDate {
            plan.actions.append(.undelete)
            plan.reasons.append("scheduled for deletion on \(Timestamps.iso8601(deleted))")
            plan.steps.append(.cancelDeletion)
        }

        let snapshotIds = Set(document.versions.map(\.id))
        let onlySnapshotVersions = Set(live.versions.keys).isSubset(of: snapshotIds)
        let valueSteps = versionSteps(
            document, live: live.versions, exact: onlySnapshotVersions, notes: &plan.notes)
        if !valueSteps.isEmpty {
            plan.actions.append(.rollBackValue)
            plan.reasons.append(valueReason(document, live: live, steps: valueSteps))
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

    /// Writes back every snapshot version that is gone and has a value (under its id, with
    /// the staging label), then puts the snapshot's labels back: `AWSCURRENT` first, since
    /// moving it moves `AWSPREVIOUS` too. With `exact` the labels become exactly the
    /// snapshot's; otherwise (the live secret has versions of its own) `AWSPREVIOUS` is left
    /// to Secrets Manager and live labels the snapshot did not have stay.
    private func versionSteps(
        _ document: SecretDocument, live: [String: [String]], exact: Bool, notes: inout [String]
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
            for stage in version.stages where exact || stage != StageModel.previous {
                desired[stage] = version.id
            }
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
            guard exact || stage == Self.stagingLabel else { continue }
            if stage == StageModel.current {
                notes.append("the snapshot has no AWSCURRENT version; Secrets Manager keeps "
                    + "AWSCURRENT on \(holder)")
                continue
            }
            steps.append(.removeStage(stage: stage, from: holder))
            model.remove(stage, from: holder)
        }
        if !exact, !document.versions.contains(where: { $0.stages.contains(StageModel.current) }) {
            notes.append("the snapshot has no AWSCURRENT version; the live value is kept")
        }
        return steps
    }

    private func valueReason(
        _ document: SecretDocument, live: LiveSecret, steps: [RestoreStep]
    ) -> String {
        let writes = steps.filter { if case .putVersion = $0 { return true }; return false }.count
        let written = writes == 0 ? "" : "; \(writes) version\(writes == 1 ? "" : "s") "
            + "written back under the original id"
        let wanted = document.versions.first { $0.stages.contains(StageModel.current) }?.id
        let holder = StageModel(live.versions).holder(of: StageModel.current)
        guard let wanted, holder != wanted else {
            return "versions or labels differ from the snapshot's" + written
        }
        let how = live.versions[wanted] != nil
            ? "still present: the label moves back" : "gone: written back under its id"
        return "AWSCURRENT is on \(holder ?? "no version"), the snapshot's is \(wanted) "
            + "(\(how))" + (live.versions[wanted] != nil ? written : "")
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
