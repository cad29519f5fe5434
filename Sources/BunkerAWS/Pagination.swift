/// Walks paginated AWS listings safely.
///
/// AWS services end a listing by leaving the continuation token out; some emulators send an
/// empty string instead. Both end the walk. A service that hands back a token it already
/// sent would make a naive loop run forever, so that is an error here.
public enum Pagination {
    /// A continuation token, or nil when `token` is absent or empty (no more pages).
    public static func token(_ token: String?) -> String? {
        guard let token, !token.isEmpty else { return nil }
        return token
    }

    /// Calls `fetchPage` with nil, then with each next token it returns, until it returns nil.
    ///
    /// - Parameters:
    ///   - operation: The operation name, for the error message.
    ///   - fetchPage: Fetches and handles one page; returns that page's next token.
    /// - Throws: What `fetchPage` throws, or ``AWSError/invalidResponse(_:)`` when a token
    ///   comes back a second time or more than `maxPages` pages arrive.
    public static func forEachPage(
        _ operation: String, maxPages: Int = 1_000_000, _ fetchPage: (String?) throws -> String?
    ) throws {
        var seen = Set<String>()
        var next: String?
        var pages = 0
        repeat {
            next = token(try fetchPage(next))
            pages += 1
            if let next, !seen.insert(next).inserted {
                throw AWSError.invalidResponse(
                    "\(operation) returned the same continuation token twice; "
                        + "stopping instead of looping forever")
            }
            if pages >= maxPages, next != nil {
                throw AWSError.invalidResponse("\(operation) returned more than \(maxPages) pages")
            }
        } while next != nil
    }
}
