import BunkerJSON
import Foundation

extension RetentionPolicy {
    private static let topLevelFields = ["description", "keep", "lock"]
    private static let keepFields = [
        "last", "within", "hourly", "daily", "weekly", "monthly", "yearly",
    ]

    /// Reads and validates the policy file at `path`.
    ///
    /// - Parameter path: The file's path; also used as its name in errors.
    /// - Returns: The policy.
    /// - Throws: ``RetentionPolicyError/unreadable(file:reason:)`` when the file cannot be read,
    ///   else any error of ``parse(_:name:)``.
    public static func load(path: String) throws(RetentionPolicyError) -> RetentionPolicy {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return try parse(data, name: path)
    }

    /// Parses and validates policy text (JSON, with JSON5 relaxations such as comments).
    ///
    /// The shape is checked by hand: unknown keys anywhere, wrong types, counts that are not
    /// whole numbers in `0...100000`, bad `within` durations and a missing `keep` are rejected,
    /// and so is a policy that keeps nothing (every count 0 and no `within`).
    ///
    /// - Parameters:
    ///   - data: The file's contents.
    ///   - name: The file's name or path, used in errors only.
    /// - Returns: The policy.
    /// - Throws: ``RetentionPolicyError``, naming `name` and the field path (`keep.daily`).
    public static func parse(_ data: Data, name: String) throws(RetentionPolicyError)
        -> RetentionPolicy
    {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data, json5: true)
        } catch {
            throw .syntax(file: name, reason: syntaxReason(error))
        }

        let top = try PolicyObject(root, file: name, path: "")
        try top.allowOnly(topLevelFields)
        let summary = try top.optionalString("description", expected: "a string")
        let keep = try readKeep(top.object("keep"))
        let lock = try top.optionalObject("lock").map { (object) throws(RetentionPolicyError) in
            try readLock(object)
        }

        guard !keep.keepsNothing else { throw .keepsNothing(file: name) }
        return RetentionPolicy(summary: summary, keep: keep, lock: lock)
    }

    private static func readKeep(_ object: PolicyObject) throws(RetentionPolicyError) -> Keep {
        try object.allowOnly(keepFields)
        let range = 0...Keep.maximumCount

        var keep = Keep()
        keep.last = try object.optionalInteger("last", in: range) ?? 0
        keep.hourly = try object.optionalInteger("hourly", in: range) ?? 0
        keep.daily = try object.optionalInteger("daily", in: range) ?? 0
        keep.weekly = try object.optionalInteger("weekly", in: range) ?? 0
        keep.monthly = try object.optionalInteger("monthly", in: range) ?? 0
        keep.yearly = try object.optionalInteger("yearly", in: range) ?? 0

        let expected = "a duration string such as \"48h\", \"1d12h\" or \"90d\""
        if let text = try object.optionalString("within", expected: expected) {
            do {
                keep.within = try RetentionDuration(text)
            } catch {
                throw .invalidValue(
                    file: object.file, field: object.fieldPath("within"), reason: error.description)
            }
        }
        return keep
    }

    private static func readLock(_ object: PolicyObject) throws(RetentionPolicyError) -> LockMode {
        try object.allowOnly(["mode"])
        let modes = LockMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        let text = try object.string("mode", expected: modes)
        guard let mode = LockMode(rawValue: text) else {
            throw .invalidValue(
                file: object.file, field: object.fieldPath("mode"),
                reason: "expected \(modes) (upper case, as S3 spells them), found \"\(text)\"")
        }
        return mode
    }

    private static func syntaxReason(_ error: Error) -> String {
        guard case DecodingError.dataCorrupted(let context) = error else { return "\(error)" }
        if let underlying = context.underlyingError {
            return "\(context.debugDescription) (\(underlying))"
        }
        return context.debugDescription
    }
}
