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

    private static func utcComponents(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let whole = Date(timeIntervalSince1970: floor(date.timeIntervalSince1970))
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: whole)
    }
}
