/// Builds the canonical URI line of a canonical request.
enum CanonicalPath {
    /// The canonical URI of `path` under `options`; `/` when the path is empty.
    static func make(_ path: String, options: SigV4Options) -> String {
        let source = options.normalizePath ? normalize(path) : path
        let encoded = options.encodePath ? encodeRaw(source) : reencodeOnce(source)
        return encoded.isEmpty ? "/" : encoded
    }

    /// Drops `.` segments, lets `..` remove the segment before it and collapses repeated
    /// slashes; keeps a trailing slash when the path had one. Always starts with `/`.
    static func normalize(_ path: String) -> String {
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".":
                continue
            case "..":
                _ = kept.popLast()
            default:
                kept.append(segment)
            }
        }

        var result = "/" + kept.joined(separator: "/")
        if path.hasSuffix("/") && !kept.isEmpty {
            result += "/"
        }
        return result
    }

    /// Generic rule: the path is raw text, so every byte (including `%`) is encoded.
    private static func encodeRaw(_ path: String) -> String {
        AWSURIEncoding.encode(path, encodeSlash: false)
    }

    /// S3 rule: the path is already encoded once. Each segment is decoded and encoded
    /// again, which keeps correct escapes, upper-cases their hex and escapes any byte that
    /// was left raw; an escaped slash inside a segment stays `%2F`.
    private static func reencodeOnce(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { AWSURIEncoding.encode(bytes: AWSURIEncoding.decode($0), encodeSlash: true) }
            .joined(separator: "/")
    }
}
