import Foundation

/// The moto server `make test` started, and ways to drive it and the `bunker` binary.
///
/// `scripts/test.sh` exports `AWS_ENDPOINT_URL`, the two users' keys and `BUNKER_VENV`;
/// ``current`` is nil when they are missing (a plain `swift test`), and the integration
/// suites are then skipped.
public struct MotoWorld: Sendable {
    /// The world of this test run, or nil outside `make test`.
    public static let current: MotoWorld? = MotoWorld(
        environment: ProcessInfo.processInfo.environment)

    /// Whether the integration suites can run.
    public static var isAvailable: Bool { current != nil }

    /// The moto endpoint (`http://127.0.0.1:PORT`).
    public let endpoint: String
    /// The repository root.
    public let repository: URL
    /// A directory private to this test run.
    public let runDirectory: URL
    /// The venv's python (boto3, moto, cryptography).
    public let python: String
    /// The built `bunker` executable.
    public let bunker: String
    private let base: [String: String]

    init?(environment: [String: String]) {
        guard let endpoint = environment["AWS_ENDPOINT_URL"],
            environment["BUNKER_ACCESS_KEY_ID"] != nil,
            environment["ADMIN_AWS_ACCESS_KEY_ID"] != nil,
            let venv = environment["BUNKER_VENV"],
            let run = environment["BUNKER_TEST_RUN_DIR"]
        else { return nil }
        self.endpoint = endpoint
        repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        runDirectory = URL(fileURLWithPath: run)
        python = "\(venv)/bin/python"
        bunker = environment["BUNKER_BIN"]
            ?? repository.appendingPathComponent(".build/debug/bunker").path
        var base = environment
        for name in ["AWS_PROFILE", "AWS_SESSION_TOKEN", "BUNKER_CONFIG"] {
            base.removeValue(forKey: name)
        }
        self.base = base
    }

    /// The environment of the least-privilege `bunker` user (policies/iam).
    public var bunkerEnvironment: [String: String] {
        var environment = base
        environment["AWS_ACCESS_KEY_ID"] = base["BUNKER_ACCESS_KEY_ID"]
        environment["AWS_SECRET_ACCESS_KEY"] = base["BUNKER_SECRET_ACCESS_KEY"]
        return environment
    }

    /// The environment of the `bunker-restore` user (policies/iam/bunker-restore.json).
    public var restoreEnvironment: [String: String] { user("RESTORE") }

    /// The environment of the `bunker-setup` user (policies/iam/bunker-setup.json).
    public var setupEnvironment: [String: String] { user("SETUP") }

    private func user(_ prefix: String) -> [String: String] {
        var environment = base
        environment["AWS_ACCESS_KEY_ID"] = base["\(prefix)_ACCESS_KEY_ID"]
        environment["AWS_SECRET_ACCESS_KEY"] = base["\(prefix)_SECRET_ACCESS_KEY"]
        return environment
    }

    /// The environment of the admin user, for seeding and for playing the attacker.
    public var adminEnvironment: [String: String] {
        var environment = base
        environment["AWS_ACCESS_KEY_ID"] = base["ADMIN_AWS_ACCESS_KEY_ID"]
        environment["AWS_SECRET_ACCESS_KEY"] = base["ADMIN_AWS_SECRET_ACCESS_KEY"]
        return environment
    }

    /// Runs `bunker --config CONFIG ARGS…` as the `bunker` user (or with `environment`).
    public func runBunker(
        _ arguments: [String], config: String, environment: [String: String]? = nil,
        input: Data = Data()
    ) throws -> ProcessResult {
        try ChildProcess.run(
            bunker, ["--config", config] + arguments,
            environment: environment ?? bunkerEnvironment, input: input)
    }

    /// Runs a python script of the repository with the venv's python as the admin user.
    public func runPython(
        _ script: String, _ arguments: [String], environment: [String: String]? = nil
    ) throws -> ProcessResult {
        try ChildProcess.run(
            python, [repository.appendingPathComponent(script).path] + arguments,
            environment: environment ?? adminEnvironment)
    }

    /// Seeds the demo world under `namespace` (secret names `NS/…`, store prefix
    /// `bunker/NS/`) and returns its config path and the content a backup must hold.
    ///
    /// - Throws: ``MotoWorldError`` when seeding fails (its stderr holds names only).
    public func seed(namespace: String, seed: Int = 20240601, bulk: Int = 0) throws -> SeededWorld {
        let config = runDirectory.appendingPathComponent("\(namespace)/bunker.json").path
        let result = try runPython(
            "scripts/seed_demo.py",
            [config, "--expect", "--namespace", namespace, "--seed", String(seed),
             "--bulk", String(bulk)])
        guard result.status == 0 else {
            throw MotoWorldError.failed("seed_demo.py", result.errorOutput)
        }
        let expected = try JSONDecoder().decode(ExpectedBackup.self, from: result.stdout)
        return SeededWorld(namespace: namespace, configPath: config, expected: expected)
    }

    /// A new namespace no other test uses.
    public static func uniqueNamespace(_ label: String) -> String {
        "\(label)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// A failure of the test harness itself.
public enum MotoWorldError: Error, CustomStringConvertible {
    case failed(String, String)

    public var description: String {
        switch self {
        case let .failed(what, stderr): return "\(what) failed: \(stderr)"
        }
    }
}

/// A seeded namespace: where its config is and what its backup must contain.
public struct SeededWorld: Sendable {
    public let namespace: String
    public let configPath: String
    public let expected: ExpectedBackup
}

/// What `seed_demo.py --expect` prints: the tagged secrets with every version's value.
///
/// Holds secret values (fake, generated); never print it.
public struct ExpectedBackup: Decodable, Sendable {
    public struct Secret: Decodable, Sendable {
        public let name: String
        public let arn: String
        public let scheduledForDeletion: Bool
        public let versions: [Version]
    }

    public struct Version: Decodable, Sendable {
        public let versionId: String
        public let stages: [String]
        public let type: String
        public let size: Int
        public let valueBase64: String

        /// The value's bytes.
        public var bytes: Data { Data(base64Encoded: valueBase64) ?? Data() }
    }

    public struct Excluded: Decodable, Sendable {
        public let name: String
        public let reason: String
    }

    public let secrets: [Secret]
    public let excluded: [Excluded]
    public let tags: [String: String]
}
