import Foundation

/// Proleptic Gregorian calendar arithmetic in UTC on whole days since 1970-01-01.
///
/// Hand-written instead of Foundation's `Calendar` so that results cannot depend on the
/// platform's time-zone database or locale. The day/civil conversions are Howard Hinnant's
/// `days_from_civil` and `civil_from_days` (https://howardhinnant.github.io/date_algorithms.html).
enum UTCCalendar {
    static let secondsPerHour = 3_600
    static let secondsPerDay = 86_400

    /// About three million years either side of 1970; far beyond any real snapshot.
    private static let supportedSeconds = 1e14

    /// `date` as whole seconds since 1970, rounded down.
    static func wholeSeconds(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        precondition(
            seconds.isFinite && abs(seconds) < supportedSeconds,
            "BunkerRetention: snapshot time \(seconds) s since 1970 is outside the supported range")
        return Int(seconds.rounded(.down))
    }

    /// The instant `seconds` after 1970-01-01T00:00:00Z.
    static func date(seconds: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `a / b` rounded toward negative infinity (`b` > 0).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && a < 0) ? quotient - 1 : quotient
    }

    /// Days since 1970-01-01 of the given civil date (`month` 1...12, `day` 1...31).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of `days` since 1970-01-01.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}
