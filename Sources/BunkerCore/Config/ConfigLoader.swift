import BunkerJSON
import Foundation

/// Reads and validates the configuration file.
///
/// The file is JSON; comments and other JSON5 relaxations are accepted through
/// Foundation's JSON5 support. Every unknown key, wrong type and missing field is
/// reported with its path (for example `store.bucket`).
public enum ConfigLoader {
    /// The default location when neither `--config` nor `BUNKER_CONFIG` is given.
    public static let defaultPath = "/etc/bunker/bunker.json"

    /// Chooses the config path: the flag, then `$BUNKER_CONFIG`, then ``defaultPath``.
    public static func resolvePath(flag: String?, environment: [String: String]) -> String {
        if let flag { return flag }
        if let fromEnvironment = environment["BUNKER_CONFIG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return defaultPath
    }

    /// Loads and validates the file at `path`.
    public static func load(path: String) throws -> BunkerConfig {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError.unreadable(
                path: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, path: path)
    }

    /// Parses and validates config text. `path` is used in messages only.
    public static func parse(_ data: Data, path: String = "<config>") throws -> BunkerConfig {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data, json5: true)
        } catch let DecodingError.dataCorrupted(context) {
            throw ConfigError.syntax(path: path, reason: context.debugDescription)
        } catch {
            throw ConfigError.syntax(path: path, reason: "\(error)")
        }
        let top = try ConfigObject(root, path: "")
        try top.allowOnly(["source", "kms", "store", "replica", "snapshot", "restore", "retention"])

        let source = try readSource(top.object("source"))
        let kms = try readKMS(top.object("kms"))
        let store = try readStore(top.object("store"))
        let replica = try top.optionalObject("replica").map(readReplica)
        let tuning = try top.optionalObject("snapshot").map(readTuning) ?? BunkerConfig.Tuning()
        let restore = try top.optionalObject("restore").map(readRestore) ?? BunkerConfig.Restore()
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let retention = try top.optionalObject("retention").map {
            try readRetention($0, configDirectory: directory)
        } ?? BunkerConfig.Retention()
        return BunkerConfig(
            source: source, kms: kms, store: store, replica: replica, snapshot: tuning,
            restore: restore, retention: retention)
    }

    private static func readSource(_ object: ConfigObject) throws -> BunkerConfig.Source {
        try object.allowOnly(["region", "tags"])
        let tags = try object.stringMap("tags")
        guard !tags.isEmpty else {
            throw ConfigError.invalidValue(
                object.path("tags"),
                reason: "list at least one tag; Bunker backs up tagged secrets only")
        }
        return .init(region: try object.region("region"), tags: tags)
    }

    private static func readKMS(_ object: ConfigObject) throws -> BunkerConfig.KMS {
        try object.allowOnly(["keyId"])
        return .init(keyId: try object.nonEmptyString("keyId"))
    }

    private static func readStore(_ object: ConfigObject) throws -> BunkerConfig.Store {
        try object.allowOnly(["region", "bucket", "prefix"])
        return .init(
            region: try object.region("region"),
            bucket: try object.bucket("bucket"),
            prefix: try object.prefix("prefix"))
    }

    private static func readReplica(_ object: ConfigObject) throws -> BunkerConfig.Replica {
        try object.allowOnly(["region", "bucket", "kmsKeyId", "prefix"])
        return .init(
            region: try object.region("region"),
            bucket: try object.bucket("bucket"),
            kmsKeyId: try object.nonEmptyString("kmsKeyId"),
            prefix: try object.prefix("prefix"))
    }

    private static func readRestore(_ object: ConfigObject) throws -> BunkerConfig.Restore {
        try object.allowOnly(["kmsKeys"])
        var restore = BunkerConfig.Restore()
        guard let regions = try object.optionalObject("kmsKeys") else { return restore }
        for region in regions.values.keys.sorted() {
            _ = try regions.region(region, asKey: true)
            restore.kmsKeys[region] = try regions.stringMap(
                region, expected: "an object of source KMS keys to keys in \(region)")
        }
        return restore
    }

    private static func readRetention(
        _ object: ConfigObject, configDirectory: String
    ) throws -> BunkerConfig.Retention {
        try object.allowOnly(["policy", "leftoverGraceHours"])
        var retention = BunkerConfig.Retention()
        let path = try object.nonEmptyString("policy")
        retention.policyPath = path.hasPrefix("/") ? path : "\(configDirectory)/\(path)"
        if let hours = try object.optionalDouble("leftoverGraceHours", in: 0...8760) {
            retention.leftoverGrace = hours * 3600
        }
        return retention
    }

    private static func readTuning(_ object: ConfigObject) throws -> BunkerConfig.Tuning {
        try object.allowOnly([
            "concurrency", "quotaShare", "verifyAfterUpload", "carryForwardLookback",
        ])
        var tuning = BunkerConfig.Tuning()
        if let value = try object.optionalInt("concurrency", in: 1...64) {
            tuning.concurrency = value
        }
        if let value = try object.optionalDouble("quotaShare", in: 0.01...1) {
            tuning.quotaShare = value
        }
        if let value = try object.optionalBool("verifyAfterUpload") {
            tuning.verifyAfterUpload = value
        }
        if let value = try object.optionalInt("carryForwardLookback", in: 0...1000) {
            tuning.carryForwardLookback = value
        }
        return tuning
    }
}
