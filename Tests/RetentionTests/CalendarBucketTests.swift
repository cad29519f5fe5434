import BunkerRetention
import Foundation
import Testing

@Suite struct CalendarBucketTests {
    @Test(arguments: [
        // (instant, period, label, start, end)
        (
            "2024-12-30T00:00", CalendarPeriod.week, "2025-W01", "2024-12-30T00:00",
            "2025-01-06T00:00"
        ),
        ("2021-01-03T23:59", .week, "2020-W53", "2020-12-28T00:00", "2021-01-04T00:00"),
        ("2027-01-03T12:00", .week, "2026-W53", "2026-12-28T00:00", "2027-01-04T00:00"),
        ("2026-01-01T00:00", .week, "2026-W01", "2025-12-29T00:00", "2026-01-05T00:00"),
        ("2010-01-03T00:00", .week, "2009-W53", "2009-12-28T00:00", "2010-01-04T00:00"),
        ("2008-12-29T00:00", .week, "2009-W01", "2008-12-29T00:00", "2009-01-05T00:00"),
        ("1969-12-31T23:00", .week, "1970-W01", "1969-12-29T00:00", "1970-01-05T00:00"),
        ("2026-11-20T23:59", .hour, "2026-11-20T23", "2026-11-20T23:00", "2026-11-21T00:00"),
        ("2026-11-20T23:59", .day, "2026-11-20", "2026-11-20T00:00", "2026-11-21T00:00"),
        ("1969-12-31T23:00", .day, "1969-12-31", "1969-12-31T00:00", "1970-01-01T00:00"),
        ("2024-02-29T12:00", .day, "2024-02-29", "2024-02-29T00:00", "2024-03-01T00:00"),
        ("2024-02-29T12:00", .month, "2024-02", "2024-02-01T00:00", "2024-03-01T00:00"),
        ("1900-02-28T12:00", .day, "1900-02-28", "1900-02-28T00:00", "1900-03-01T00:00"),
        ("2000-02-29T12:00", .month, "2000-02", "2000-02-01T00:00", "2000-03-01T00:00"),
        ("2026-12-31T23:59", .month, "2026-12", "2026-12-01T00:00", "2027-01-01T00:00"),
        ("2024-07-01T00:00", .year, "2024", "2024-01-01T00:00", "2025-01-01T00:00"),
    ])
    func bucket_hasHandCheckedLabelAndBounds(
        instant: String, period: CalendarPeriod, label: String, start: String, end: String
    ) {
        let bucket = period.bucket(containing: Fixture.date(instant))
        #expect(bucket.label == label)
        #expect(Fixture.text(bucket.start) == start)
        #expect(Fixture.text(bucket.end) == end)
    }

    @Test func lastSecondOfADay_isStillThatDay() {
        let date = Fixture.date("2026-11-20T23:59:59") + 0.999
        #expect(CalendarPeriod.day.bucket(containing: date).label == "2026-11-20")
        #expect(CalendarPeriod.hour.bucket(containing: date).label == "2026-11-20T23")
    }

    @Test func advanced_movesByWholeBuckets() {
        let november = CalendarPeriod.month.bucket(containing: Fixture.date("2026-11-20T02:00"))
        #expect(Fixture.text(november.advanced(by: 12).start) == "2027-11-01T00:00")
        #expect(november.advanced(by: -11).label == "2025-12")
        let week = CalendarPeriod.week.bucket(containing: Fixture.date("2026-12-31T02:00"))
        #expect(week.advanced(by: 1).label == "2027-W01")
    }

    /// Foundation's ISO 8601 calendar as an independent oracle, every day from 1999 to 2041.
    @Test func labels_matchFoundationsCalendarForEveryDay() {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var day = Fixture.date("1999-01-01T12:00")
        let end = Fixture.date("2041-12-31T12:00")
        var mismatches: [String] = []
        while day <= end {
            let parts = calendar.dateComponents(
                [.yearForWeekOfYear, .weekOfYear, .year, .month, .day], from: day)
            let week = String(format: "%04d-W%02d", parts.yearForWeekOfYear!, parts.weekOfYear!)
            let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            if CalendarPeriod.week.bucket(containing: day).label != week
                || CalendarPeriod.day.bucket(containing: day).label != date
                || CalendarPeriod.month.bucket(containing: day).label != String(date.prefix(7))
                || CalendarPeriod.year.bucket(containing: day).label != String(date.prefix(4))
            {
                mismatches.append(date)
            }
            day += 86_400
        }
        #expect(mismatches.isEmpty)
    }
}
