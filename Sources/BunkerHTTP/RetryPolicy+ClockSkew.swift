import Foundation

extension RetryPolicy {
    /// Skew larger than this, in seconds, counts as a wrong clock (the SDKs use 4 minutes).
    public static let clockSkewTolerance: TimeInterval = 240

    /// How far the server's clock is ahead of ours (negative when behind), from
    /// an HTTP `Date` header such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    ///
    /// - Returns: `nil` when the header is missing or not in the RFC 9110 form.
    public static func clockSkew(serverDate: String?, localNow: Date) -> TimeInterval? {
        guard let serverDate else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: serverDate) else { return nil }
        return date.timeIntervalSince(localNow)
    }

    /// Whether `serverDate` is more than ``clockSkewTolerance`` away from `localNow`.
    public static func isClockSkewed(serverDate: String?, localNow: Date) -> Bool {
        guard let skew = clockSkew(serverDate: serverDate, localNow: localNow) else {
            return false
        }
        return abs(skew) > clockSkewTolerance
    }
}
