import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which secrets of a snapshot a restore takes: `--secret PATTERN` and `--tag KEY=VALUE`.
///
/// With no pattern every secret is taken; with patterns, a secret is taken when its name
/// equals one of them or matches one as a shell glob (`*`, `?`, `[…]`; `*` also crosses
/// `/`). Every `--tag` must be present with that value. Both narrow the selection.
public struct RestoreSelection: Equatable, Sendable {
    public var patterns: [String]
    public var tags: [String: String]

    /// Everything.
    public static let all = RestoreSelection(patterns: [], tags: [:])

    public init(patterns: [String], tags: [String: String]) {
        self.patterns = patterns
        self.tags = tags
    }

    /// Parses `KEY=VALUE` arguments of `--tag`.
    ///
    /// - Throws: ``BunkerError/invalidTagFilter(_:)`` for an argument without `=`.
    public static func tags(from arguments: [String]) throws -> [String: String] {
        var tags: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw BunkerError.invalidTagFilter(argument)
            }
            tags[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return tags
    }

    /// The selection in words, for messages: `--secret prod/* --tag Team=pay`.
    public var summary: String {
        (patterns.map { "--secret \($0)" }
            + tags.sorted { $0.key < $1.key }.map { "--tag \($0.key)=\($0.value)" })
            .joined(separator: " ")
    }

    /// Whether a secret with this name and these tags is selected.
    public func matches(name: String, tags secretTags: [SecretDocument.Tag]) -> Bool {
        let nameMatches = patterns.isEmpty || patterns.contains { pattern in
            pattern == name || fnmatch(pattern, name, 0) == 0
        }
        guard nameMatches else { return false }
        return tags.allSatisfy { key, value in
            secretTags.contains { $0.key == key && $0.value == value }
        }
    }
}
