import Foundation

/// The calendar unit of a calendar rule (`hourly`, `daily`, `weekly`, `monthly`, `yearly`).
///
/// All periods are in UTC. Weeks are ISO 8601 weeks: they start on Monday, and belong to the
/// week-based year of their Thursday, so 2024-12-30 is in 2025-W01 and 2021-01-03 in 2020-W53.
public enum CalendarPeriod: String, CaseIterable, Hashable, Sendable {
    case hour
    case day
    case week
    case month
    case year

    /// The rule's name in policy files and reasons: `hourly`, `daily`, `weekly`, `monthly` or
    /// `yearly`.
    public var ruleName: String {
        switch self {
        case .hour: return "hourly"
        case .day: return "daily"
        case .week: return "weekly"
        case .month: return "monthly"
        case .year: return "yearly"
        }
    }

    /// The bucket of this period that contains `date` (read in UTC).
    public func bucket(containing date: Date) -> CalendarBucket {
        CalendarBucket(period: self, index: index(containing: date))
    }

    /// The consecutive number of the bucket containing `date`; buckets next to each other differ
    /// by one, so a window of N buckets is a range of N numbers.
    func index(containing date: Date) -> Int {
        let seconds = UTCCalendar.wholeSeconds(date)
        let day = UTCCalendar.floorDivide(seconds, UTCCalendar.secondsPerDay)
        switch self {
        case .hour:
            return UTCCalendar.floorDivide(seconds, UTCCalendar.secondsPerHour)
        case .day:
            return day
        case .week:
            // 1970-01-01 was a Thursday, so day -3 (1969-12-29) is the Monday of week 0.
            return UTCCalendar.floorDivide(day + 3, 7)
        case .month:
            let civil = UTCCalendar.civil(days: day)
            return civil.year * 12 + civil.month - 1
        case .year:
            return UTCCalendar.civil(days: day).year
        }
    }

    /// Seconds since 1970 at which the bucket numbered `index` starts.
    func startSeconds(ofIndex index: Int) -> Int {
        switch self {
        case .hour:
            return index * UTCCalendar.secondsPerHour
        case .day:
            return index * UTCCalendar.secondsPerDay
        case .week:
            return (index * 7 - 3) * UTCCalendar.secondsPerDay
        case .month:
            let year = UTCCalendar.floorDivide(index, 12)
            let month = index - year * 12 + 1
            return UTCCalendar.days(year: year, month: month, day: 1) * UTCCalendar.secondsPerDay
        case .year:
            return UTCCalendar.days(year: index, month: 1, day: 1) * UTCCalendar.secondsPerDay
        }
    }
}

/// One UTC hour, day, ISO week, month or year: the unit in which a calendar rule keeps at most
/// one snapshot.
public struct CalendarBucket: Hashable, Sendable, CustomStringConvertible {
    /// The kind of bucket.
    public let period: CalendarPeriod

    /// Consecutive bucket number (see ``CalendarPeriod/index(containing:)``).
    let index: Int

    init(period: CalendarPeriod, index: Int) {
        self.period = period
        self.index = index
    }

    /// The first instant of the bucket (for weeks, Monday 00:00 UTC).
    public var start: Date { UTCCalendar.date(seconds: period.startSeconds(ofIndex: index)) }

    /// The first instant after the bucket, which is the start of the next bucket.
    public var end: Date { advanced(by: 1).start }

    /// The bucket `count` buckets later (earlier when negative).
    public func advanced(by count: Int) -> CalendarBucket {
        CalendarBucket(period: period, index: index + count)
    }

    /// The bucket's stable name: `2026-11-20T23` (hour), `2026-11-20` (day), `2026-W47`
    /// (ISO week-based year and week), `2026-11` (month), `2026` (year).
    public var label: String {
        let seconds = period.startSeconds(ofIndex: index)
        let day = UTCCalendar.floorDivide(seconds, UTCCalendar.secondsPerDay)
        let civil = UTCCalendar.civil(days: day)
        let date = "\(UTCCalendar.padded(civil.year, 4))-\(UTCCalendar.padded(civil.month, 2))"
        switch period {
        case .hour:
            let hour = (seconds - day * UTCCalendar.secondsPerDay) / UTCCalendar.secondsPerHour
            return "\(date)-\(UTCCalendar.padded(civil.day, 2))T\(UTCCalendar.padded(hour, 2))"
        case .day:
            return "\(date)-\(UTCCalendar.padded(civil.day, 2))"
        case .week:
            // The ISO week-based year is the year of the week's Thursday.
            let thursday = day + 3
            let weekYear = UTCCalendar.civil(days: thursday).year
            let week = (thursday - UTCCalendar.days(year: weekYear, month: 1, day: 1)) / 7 + 1
            return "\(UTCCalendar.padded(weekYear, 4))-W\(UTCCalendar.padded(week, 2))"
        case .month:
            return date
        case .year:
            return UTCCalendar.padded(civil.year, 4)
        }
    }

    /// Same as ``label``.
    public var description: String { label }
}
