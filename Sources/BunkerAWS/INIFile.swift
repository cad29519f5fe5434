import Foundation

/// A parsed AWS shared config or credentials file (INI dialect of the AWS CLI and SDKs).
///
/// Rules: `[section]` headers; `key = value` lines (keys are case-sensitive, surrounding
/// whitespace trimmed); full-line comments start with `#` or `;`; an inline comment starts
/// at ` #` or ` ;` (a `#` or `;` after whitespace). A key with an empty value followed by
/// indented `sub = value` lines is a nested block (`s3 =` / `  endpoint_url = …`); the
/// nested keys are stored as `parent.sub`. Indented lines after a key with a value
/// continue that value (joined with a newline). Later duplicates win.
///
/// Limits: no quoting or escapes, matching the AWS CLI.
public struct INIFile: Sendable, Equatable {
    /// Section header text (trimmed, inner whitespace kept) to its keys and values.
    public private(set) var sections: [String: [String: String]] = [:]

    /// An empty file.
    public init() {}

    /// Parses `text`. Lines that fit no rule are ignored, as the AWS CLI does.
    public init(text: String) {
        var current: String?
        var parentKey: String?
        var lastKey: String?

        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") {
                continue
            }

            let indented = line.first.map { $0 == " " || $0 == "\t" } ?? false
            if !indented, trimmed.hasPrefix("["), let close = trimmed.lastIndex(of: "]") {
                let inner = trimmed[trimmed.index(after: trimmed.startIndex)..<close]
                let name = inner.trimmingCharacters(in: .whitespaces)
                current = name
                if sections[name] == nil { sections[name] = [:] }
                parentKey = nil
                lastKey = nil
                continue
            }
            guard let section = current else { continue }

            let content = Self.stripInlineComment(trimmed)
            if indented, let parent = parentKey, let (key, value) = Self.keyValue(content) {
                sections[section]?["\(parent).\(key)"] = value
                continue
            }
            if indented, let key = lastKey {
                let previous = sections[section]?[key] ?? ""
                sections[section]?[key] = previous.isEmpty ? content : previous + "\n" + content
                continue
            }
            guard let (key, value) = Self.keyValue(content) else { continue }
            sections[section]?[key] = value
            parentKey = value.isEmpty ? key : nil
            lastKey = value.isEmpty ? nil : key
        }
    }

    /// Reads and parses the file at `path`; nil when it does not exist.
    ///
    /// - Throws: ``CredentialsError/sourceFailed(source:reason:)`` when it exists but
    ///   cannot be read as UTF-8.
    public static func load(path: String) throws -> INIFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw CredentialsError.sourceFailed(
                source: "shared file \(path)",
                reason: "exists but could not be read as UTF-8 text; check its permissions")
        }
        return INIFile(text: text)
    }

    /// The keys of section `name`, or nil when there is no such section.
    public func section(_ name: String) -> [String: String]? {
        sections[name]
    }

    private static func keyValue(_ content: String) -> (String, String)? {
        guard let equals = content.firstIndex(of: "=") else { return nil }
        let key = content[..<equals].trimmingCharacters(in: .whitespaces)
        let value = content[content.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? nil : (key, value)
    }

    private static func stripInlineComment(_ text: String) -> String {
        var previousWasSpace = false
        for index in text.indices {
            let char = text[index]
            if (char == "#" || char == ";") && previousWasSpace {
                return text[..<index].trimmingCharacters(in: .whitespaces)
            }
            previousWasSpace = char == " " || char == "\t"
        }
        return text
    }
}
