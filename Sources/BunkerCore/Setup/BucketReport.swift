/// How one checked item stands.
public enum SetupStatus: String, Codable, Sendable, Equatable {
    /// Already as required; nothing was changed.
    case ok
    /// Was not as required and has been changed (never with `--check`).
    case changed
    /// Is not as required and was left alone (only with `--check`).
    case wrong
    /// Could not be checked or changed; the detail says why and what to do.
    case failed
    /// Deliberately not applied here; the detail says why. Not a problem.
    case skipped

    /// Whether this status means the bucket is not (yet) as required.
    public var isProblem: Bool { self == .wrong || self == .failed }
}

/// The items `bunker init` checks on each bucket, in the order it handles them.
public enum SetupCheck: String, CaseIterable, Codable, Sendable {
    case bucket
    case versioning
    case objectLock = "object-lock"
    case publicAccessBlock = "public-access-block"
    case encryption
    case lifecycle
    case bucketPolicy = "bucket-policy"
}

/// One line of a bucket's report.
public struct SetupItem: Codable, Sendable, Equatable {
    /// The item, a ``SetupCheck`` raw value (`versioning`, `object-lock`, …).
    public var name: String
    /// How it stands.
    public var status: SetupStatus
    /// One sentence for the operator: what was found, what was changed, or what to do.
    public var detail: String
    /// The ``SetupError/code`` of a failure, for scripts; nil otherwise.
    public var code: String?

    public init(name: String, status: SetupStatus, detail: String, code: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.code = code
    }

    init(_ check: SetupCheck, _ status: SetupStatus, _ detail: String, code: String? = nil) {
        self.init(name: check.rawValue, status: status, detail: detail, code: code)
    }
}

/// What `bunker init` found and did for one bucket: one item per ``SetupCheck``.
public struct BucketReport: Codable, Sendable, Equatable {
    /// The bucket.
    public var bucket: String
    /// The region it must be in.
    public var region: String
    /// Whether this was a `--check` run (nothing changed).
    public var checkOnly: Bool
    /// One item per ``SetupCheck``, in that order.
    public var items: [SetupItem]

    public init(bucket: String, region: String, checkOnly: Bool, items: [SetupItem]) {
        self.bucket = bucket
        self.region = region
        self.checkOnly = checkOnly
        self.items = items
    }

    /// Whether every item is as required now (`ok` or `changed`).
    public var isReady: Bool { !items.contains { $0.status.isProblem } }

    /// Whether a failed item needs the operator to change the configuration or the bucket
    /// (see ``SetupError/isConfigurationProblem``).
    public var hasConfigurationProblem: Bool {
        items.contains { item in
            item.status == .failed && item.code.map(SetupError.isConfigurationProblem) == true
        }
    }

    /// Whether anything was changed.
    public var changedAnything: Bool { items.contains { $0.status == .changed } }

    /// The item for `check`, if the report has it.
    public func item(_ check: SetupCheck) -> SetupItem? {
        items.first { $0.name == check.rawValue }
    }
}
