import SigV4

/// The S3 path encodings, in one place.
enum AWSURIEncodingBridge {
    /// An object key for the path: every byte but unreserved characters and `/` escaped.
    static func encodePath(_ key: String) -> String {
        AWSURIEncoding.encode(key, encodeSlash: false)
    }

    /// One path segment (bucket name) or a query value: `/` escaped too.
    static func encodeSegment(_ text: String) -> String {
        AWSURIEncoding.encode(text, encodeSlash: true)
    }

    /// `key=value&…` with both sides encoded; nil values become bare keys (`?uploads`).
    static func query(_ items: [(String, String?)]) -> String {
        items.map { name, value in
            let key = encodeSegment(name)
            return value.map { "\(key)=\(encodeSegment($0))" } ?? key
        }.joined(separator: "&")
    }
}
