import BunkerRetention
import Testing

@Suite struct DurationTests {
    @Test(arguments: [
        ("30m", 30), ("48h", 2880), ("1d12h", 2160), ("12h1d", 2160), ("90d", 129_600),
        ("2w", 20_160), ("1w2d3h4m", 10_080 + 2880 + 180 + 4), ("007d", 10_080),
        ("100000d", 144_000_000),
    ])
    func validDuration_parsesToMinutes(text: String, minutes: Int) throws {
        let duration = try RetentionDuration(text)
        #expect(duration.minutes == minutes)
        #expect(duration.text == text)
        #expect(duration.seconds == Double(minutes) * 60)
    }

    @Test(arguments: [
        ("", RetentionDurationError.empty),
        ("48", .malformed("48")),
        ("h", .malformed("h")),
        ("-1h", .malformed("-1h")),
        ("1.5h", .malformed("1.5h")),
        (" 48h", .malformed(" 48h")),
        ("48h ", .malformed("48h ")),
        ("1d 12h", .malformed("1d 12h")),
        ("48H", .unknownUnit("48H", unit: "H")),
        ("5s", .unknownUnit("5s", unit: "s")),
        ("1M", .calendarUnit("1M", unit: "M")),
        ("3mo", .calendarUnit("3mo", unit: "mo")),
        ("1y", .calendarUnit("1y", unit: "y")),
        ("2years", .calendarUnit("2years", unit: "years")),
        ("1h1h", .repeatedUnit("1h1h", unit: "h")),
        ("0h", .zero("0h")),
        ("0d0h", .zero("0d0h")),
        ("100001d", .tooLong("100001d")),
        ("9999999999m", .tooLong("9999999999m")),
    ])
    func invalidDuration_isRejectedWithItsReason(text: String, expected: RetentionDurationError) {
        #expect(throws: expected) { try RetentionDuration(text) }
    }

    @Test func durations_compareByLength() throws {
        #expect(try RetentionDuration("48h") == RetentionDuration("2d"))
        #expect(RetentionDuration.hours(48).text == "48h")
        #expect(RetentionDuration.weeks(1) == .days(7))
        #expect(RetentionDuration.minutes(90) != .hours(1))
    }
}
