import Foundation

/// ISO 8601 UTC formatting and parsing that does not depend on the process locale.
public enum Timestamps {
    /// `2026-12-03T21:37:00Z` (whole seconds, UTC).
    public static func iso8601(_ date: Date) -> String {
        let parts = utcComponents(date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ",
            parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// `20261203T213700Z`, the compact form used in snapshot ids.
    public static func compact(_ date: Date) -> String {
        let parts = utcComponents(date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ",
            parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    /// Parses an ISO 8601 instant with `Z` or a numeric offset, with or without fractions.
    public static func parseInstant(_ text: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        return plain.date(from: text) ?? withFraction.date(from: text)
    }

    /// The last second of a bare UTC date `YYYY-MM-DD` (`2026-11-20` gives
    /// `2026-11-20T23:59:59Z`), or nil when `text` is not such a date.
    public static func endOfUTCDay(_ text: String) -> Date? {
        guard text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil,
            let start = parseInstant(text + "T00:00:00Z"),
            iso8601(start).hasPrefix(text)
        else { return nil }
        return start.addingTimeInterval(86_399)
    }

    /// A duration for people: `3d 4h`, `2h 5m`, `42s`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded(.down))
        let days = total / 86_400, hours = total % 86_400 / 3600
        let minutes = total % 3600 / 60, rest = total % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return rest > 0 ? "\(minutes)m \(rest)s" : "\(minutes)m" }
        return "\(rest)s"
    }

    private static func utcComponents(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = Date(timeIntervalSince1970: floor(date.timeIntervalSince1970))
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
    }
}
