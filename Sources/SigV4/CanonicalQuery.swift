/// Builds the canonical query string of a canonical request.
enum CanonicalQuery {
    /// One query parameter, already in canonical (AWS URI-encoded) form.
    struct Parameter {
        var key: String
        var value: String
    }

    /// The parameters of a wire query: split on `&` and the first `=`, each part
    /// percent-decoded and encoded again. A key without `=` gets an empty value; empty
    /// pieces (`a=1&&b=2`) are skipped. `+` is a literal plus.
    static func parameters(fromWire query: String) -> [Parameter] {
        var result: [Parameter] = []
        for piece in query.split(separator: "&", omittingEmptySubsequences: true) {
            let key: Substring
            let value: Substring
            if let equals = piece.firstIndex(of: "=") {
                key = piece[..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                key = piece
                value = ""
            }
            result.append(Parameter(key: canonical(key), value: canonical(value)))
        }
        return result
    }

    /// A canonical parameter from unencoded text (the `X-Amz-*` parameters).
    static func parameter(_ key: String, _ value: String) -> Parameter {
        Parameter(key: AWSURIEncoding.encode(key), value: AWSURIEncoding.encode(value))
    }

    /// The parameters sorted by key, then value (byte order), joined as `k=v&k=v`.
    static func string(from parameters: [Parameter]) -> String {
        parameters
            .sorted { lhs, rhs in
                lhs.key == rhs.key
                    ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                    : lhs.key.utf8.lexicographicallyPrecedes(rhs.key.utf8)
            }
            .map { "\($0.key)=\($0.value)" }
            .joined(separator: "&")
    }

    /// The parameters joined in the given order, for the wire.
    static func wire(_ parameters: [Parameter]) -> String {
        parameters.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }

    private static func canonical(_ text: Substring) -> String {
        AWSURIEncoding.encode(bytes: AWSURIEncoding.decode(text), encodeSlash: true)
    }
}
