/// Staging labels of a secret's versions, with the rules Secrets Manager applies when
/// they move, so a restore plan can say exactly which calls it will make.
///
/// Rules modelled: a label is on at most one version; the first version of a secret also
/// gets `AWSCURRENT`; whenever `AWSCURRENT` moves away from a version, that version gets
/// `AWSPREVIOUS` (taken from wherever it was). The executor re-reads the secret after
/// acting, so a service that deviates is corrected on the next round.
struct StageModel: Equatable {
    static let current = "AWSCURRENT"
    static let previous = "AWSPREVIOUS"

    private(set) var versions: [String: Set<String>]

    init(_ versions: [String: [String]]) {
        self.versions = versions.mapValues(Set.init)
    }

    func exists(_ id: String) -> Bool { versions[id] != nil }

    /// The version holding `stage`, if any (the smallest id should a service report the
    /// label on several, so that plans do not depend on dictionary order).
    func holder(of stage: String) -> String? {
        versions.filter { $0.value.contains(stage) }.map(\.key).min()
    }

    /// Every (stage, version) pair, sorted by stage.
    var assignments: [(stage: String, version: String)] {
        versions.flatMap { id, stages in stages.map { ($0, id) } }.sorted { $0.stage < $1.stage }
    }

    /// `PutSecretValue` of a new version `id` with explicit `stages`.
    mutating func put(_ id: String, stages: [String]) {
        let isFirst = versions.isEmpty
        versions[id] = []
        for stage in stages { attach(stage, to: id) }
        if isFirst { versions[id]?.insert(Self.current) }
    }

    /// `UpdateSecretVersionStage` moving `stage` to `id`.
    mutating func move(_ stage: String, to id: String) {
        attach(stage, to: id)
    }

    /// `UpdateSecretVersionStage` removing `stage` from `id`.
    mutating func remove(_ stage: String, from id: String) {
        versions[id]?.remove(stage)
    }

    private mutating func attach(_ stage: String, to id: String) {
        let old = holder(of: stage)
        if let old { versions[old]?.remove(stage) }
        versions[id, default: []].insert(stage)
        if stage == Self.current, let old, old != id {
            if let previous = holder(of: Self.previous) {
                versions[previous]?.remove(Self.previous)
            }
            versions[old]?.insert(Self.previous)
        }
    }
}
