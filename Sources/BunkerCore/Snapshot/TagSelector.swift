/// Decides which secrets a snapshot includes, from the config's tag rules.
///
/// A secret is selected when it carries every configured tag; a configured
/// value of `"*"` accepts any value. Tag keys and values compare exactly. Copies restored
/// under a prefix are never selected.
public struct TagSelector: Equatable, Sendable {
    public let required: [String: String]

    public init(required: [String: String]) { self.required = required }

    /// Whether a secret with these tags is selected. A copy made by `restore --prefix`
    /// (tagged ``RestoreRequest/restoredFromTag``) never is: it is a drill or an inspection
    /// copy, not a live secret.
    public func matches(_ tags: [(key: String, value: String)]) -> Bool {
        guard !tags.contains(where: { $0.key == RestoreRequest.restoredFromTag }) else {
            return false
        }
        return required.allSatisfy { requiredKey, requiredValue in
            tags.contains { tag in
                tag.key == requiredKey && (requiredValue == "*" || tag.value == requiredValue)
            }
        }
    }

    /// The tag keys to send as `tag-key` filters to `ListSecrets`, narrowing the listing
    /// on the server. The exact check is still done by ``matches(_:)``.
    public var serverSideTagKeys: [String] { required.keys.sorted() }
}
