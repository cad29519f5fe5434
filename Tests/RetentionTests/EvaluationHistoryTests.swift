import BunkerRetention
import Foundation
import Testing

/// Synthetic histories with kept sets worked out by hand (see the comments for the reasoning).
@Suite struct EvaluationHistoryTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let history: [RetentionSnapshot]
        let keep: RetentionPolicy.Keep
        let now: String
        let expected: [String]

        var testDescription: String { name }
    }

    /// Nightly at 02:00 from 2025-01-01 through 2026-11-20, missing ISO week 2026-W41
    /// (Mon 2026-10-05 ... Sun 2026-10-11) and all of June 2026, plus one extra snapshot at
    /// 2026-10-31T23:30. Now is Friday 2026-11-20T12:00, in 2026-W47 (which starts Mon 11-16).
    static let twoYears =
        Fixture.nightly(
            from: "2025-01-01", through: "2026-11-20",
            skipping: ["2026-10-05"..."2026-10-11", "2026-06-01"..."2026-06-30"]
        ) + [Fixture.snapshot("2026-10-31T23:30")]

    static func nights(_ days: [String], at time: String = "02:00") -> [String] {
        days.map { "\($0)T\(time)" }
    }

    static let novemberDays = (7...20).map { "2026-11-\($0 < 10 ? "0" : "")\($0)" }

    static let cases: [Case] = [
        // W47..W40; W41 is the missing week and keeps nothing (the window does not widen).
        Case(
            name: "two years: weekly 8 skips the missing week", history: twoYears,
            keep: .init(weekly: 8), now: "2026-11-20T12:00",
            expected: nights([
                "2026-10-04", "2026-10-18", "2026-10-25", "2026-11-01", "2026-11-08",
                "2026-11-15", "2026-11-20",
            ])),
        // 2025-12 ... 2026-11; June is missing; October's newest is the 23:30 extra.
        Case(
            name: "two years: monthly 12 skips the missing month", history: twoYears,
            keep: .init(monthly: 12), now: "2026-11-20T12:00",
            expected: (nights([
                "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
                "2026-05-31", "2026-07-31", "2026-08-31", "2026-09-30", "2026-11-20",
            ])
                + ["2026-10-31T23:30"]).sorted()),
        // 2024-12 ... 2026-11: December 2024 predates the history, June 2026 is missing.
        Case(
            name: "two years: monthly 24 reaches back before the history", history: twoYears,
            keep: .init(monthly: 24), now: "2026-11-20T12:00",
            expected: (nights([
                "2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30", "2025-05-31",
                "2025-06-30", "2025-07-31", "2025-08-31", "2025-09-30", "2025-10-31",
                "2025-11-30", "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31",
                "2026-04-30", "2026-05-31", "2026-07-31", "2026-08-31", "2026-09-30",
                "2026-11-20",
            ])
                + ["2026-10-31T23:30"]).sorted()),
        // 2020 ... 2026; only 2025 and 2026 have snapshots.
        Case(
            name: "two years: yearly 7", history: twoYears,
            keep: .init(yearly: 7), now: "2026-11-20T12:00",
            expected: nights(["2025-12-31", "2026-11-20"])),
        Case(
            name: "two years: daily 14 is days 11-07 through 11-20", history: twoYears,
            keep: .init(daily: 14), now: "2026-11-20T12:00",
            expected: nights(novemberDays)),
        // last 3 = 11-18, 11-19, 11-20; within 48h reaches back to 11-18T12:00 only.
        Case(
            name: "two years: last 3 and within 48h", history: twoYears,
            keep: .init(last: 3, within: .hours(48)), now: "2026-11-20T12:00",
            expected: nights(["2026-11-18", "2026-11-19", "2026-11-20"])),
        // daily 11-07..11-20, weekly adds 11-01, 10-25, 10-18, 10-04, monthly adds the rest.
        Case(
            name: "two years: the standard policy", history: twoYears,
            keep: .init(last: 3, within: .hours(48), daily: 14, weekly: 8, monthly: 12, yearly: 7),
            now: "2026-11-20T12:00",
            expected: (nights(
                novemberDays + [
                    "2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30",
                    "2026-05-31",
                    "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-04", "2026-10-18",
                    "2026-10-25",
                    "2026-11-01",
                ]) + ["2026-10-31T23:30"]).sorted()),
        // Several a day: the newest of each of the days 11-18, 11-19, 11-20.
        Case(
            name: "several a day: daily 3 keeps the newest of each day",
            history: [
                "2026-11-17T10:00", "2026-11-18T23:59", "2026-11-19T03:00", "2026-11-19T22:00",
                "2026-11-20T01:00", "2026-11-20T09:00",
            ].map { Fixture.snapshot($0) },
            keep: .init(daily: 3), now: "2026-11-20T12:00",
            expected: ["2026-11-18T23:59", "2026-11-19T22:00", "2026-11-20T09:00"]),
        Case(
            name: "gaps: daily 3 does not reach past two empty days",
            history: ["2026-11-16T09:00", "2026-11-17T09:00", "2026-11-20T09:00"].map {
                Fixture.snapshot($0)
            },
            keep: .init(daily: 3), now: "2026-11-20T12:00",
            expected: ["2026-11-20T09:00"]),
        // 2024 is a leap year: the day before 03-01 is 02-29, February's newest is 02-29.
        Case(
            name: "leap year: daily 3 keeps Feb 29",
            history: Fixture.nightly(from: "2024-02-20", through: "2024-03-01"),
            keep: .init(daily: 3), now: "2024-03-01T12:00",
            expected: nights(["2024-02-28", "2024-02-29", "2024-03-01"])),
        Case(
            name: "leap year: monthly 2 keeps Feb 29 as February's newest",
            history: Fixture.nightly(from: "2024-02-20", through: "2024-03-01"),
            keep: .init(monthly: 2), now: "2024-03-01T12:00",
            expected: nights(["2024-02-29", "2024-03-01"])),
        Case(
            name: "no leap year: daily 2 on 2025-03-01 reaches Feb 28",
            history: Fixture.nightly(from: "2025-02-20", through: "2025-03-01"),
            keep: .init(daily: 2), now: "2025-03-01T12:00",
            expected: nights(["2025-02-28", "2025-03-01"])),
        // 2021-W01 (01-04..01-10), 2020-W53 (12-28..01-03), 2020-W52 (12-21..12-27).
        Case(
            name: "ISO week 53 of 2020: weekly 3",
            history: Fixture.nightly(from: "2020-12-15", through: "2021-01-06"),
            keep: .init(weekly: 3), now: "2021-01-06T12:00",
            expected: nights(["2020-12-27", "2021-01-03", "2021-01-06"])),
        // Now (Sat 2027-01-02) is in 2026-W53 (12-28..01-03);
        // W52 is 12-21..12-27, W51 12-14..12-20.
        Case(
            name: "ISO week 53 of 2026: weekly 3",
            history: Fixture.nightly(from: "2026-12-10", through: "2027-01-02"),
            keep: .init(weekly: 3), now: "2027-01-02T12:00",
            expected: nights(["2026-12-20", "2026-12-27", "2027-01-02"])),
        // The ISO week spans the new year, the calendar year does not: 12-31 is 2026's newest.
        Case(
            name: "ISO week 53 of 2026: weekly 2 and yearly 2",
            history: Fixture.nightly(from: "2026-12-10", through: "2027-01-02"),
            keep: .init(weekly: 2, yearly: 2), now: "2027-01-02T12:00",
            expected: nights(["2026-12-27", "2026-12-31", "2027-01-02"])),
        // 2024-12-30 and 12-31 are in 2025-W01 (12-30..01-05); 2024-W52 is 12-23..12-29.
        // yearly 2 keeps 2024-12-31 as 2024's newest although its ISO week belongs to 2025.
        Case(
            name: "ISO week-year differs from the year: weekly 2 and yearly 2",
            history: Fixture.nightly(from: "2024-12-20", through: "2025-01-01"),
            keep: .init(weekly: 2, yearly: 2), now: "2025-01-01T12:00",
            expected: nights(["2024-12-29", "2024-12-31", "2025-01-01"])),
        Case(
            name: "ISO week-year differs from the year: weekly 1 groups 12-30 with 2025",
            history: Fixture.nightly(from: "2024-12-20", through: "2025-01-01"),
            keep: .init(weekly: 1), now: "2025-01-01T12:00",
            expected: nights(["2025-01-01"])),
        // Every 20 minutes from 21:00 to 01:20; hours 22, 23, 00, 01 keep their :40 (or 01:20).
        Case(
            name: "hourly 4 across midnight",
            history: everyTwentyMinutes,
            keep: .init(hourly: 4), now: "2026-11-21T01:30",
            expected: [
                "2026-11-20T22:40", "2026-11-20T23:40", "2026-11-21T00:40", "2026-11-21T01:20",
            ]),
        Case(
            name: "hourly 2 and daily 2 across midnight",
            history: everyTwentyMinutes,
            keep: .init(hourly: 2, daily: 2), now: "2026-11-21T01:30",
            expected: ["2026-11-20T23:40", "2026-11-21T00:40", "2026-11-21T01:20"]),
    ]

    static let everyTwentyMinutes: [RetentionSnapshot] = (0..<14).map { step in
        Fixture.snapshot(Fixture.text(Fixture.date("2026-11-20T21:00") + Double(step) * 1200))
    }

    @Test(arguments: cases)
    func evaluate_keepsExactlyTheHandWorkedSet(_ example: Case) {
        let policy = RetentionPolicy(keep: example.keep)
        let decisions = RetentionEvaluator.evaluate(
            example.history, policy: policy, now: Fixture.date(example.now))

        #expect(decisions.count == example.history.count)
        #expect(decisions.map(\.snapshot) == example.history)
        #expect(Fixture.keptTimes(decisions) == example.expected)
    }

    @Test func standardPolicy_namesEveryRuleAndBucket() {
        let policy = RetentionPolicy(
            keep: .init(last: 3, within: .hours(48), daily: 14, weekly: 8, monthly: 12, yearly: 7))
        let decisions = RetentionEvaluator.evaluate(
            Self.twoYears, policy: policy, now: Fixture.date("2026-11-20T12:00"))

        #expect(
            Fixture.reasons(at: "2026-11-20T02:00", in: decisions) == [
                "newest good snapshot", "last 3", "within 48h", "daily 2026-11-20",
                "weekly 2026-W47",
                "monthly 2026-11", "yearly 2026",
            ])
        #expect(
            Fixture.reasons(at: "2026-11-19T02:00", in: decisions) == [
                "last 3", "within 48h", "daily 2026-11-19",
            ])
        #expect(
            Fixture.reasons(at: "2026-11-15T02:00", in: decisions) == [
                "daily 2026-11-15", "weekly 2026-W46",
            ])
        #expect(Fixture.reasons(at: "2026-10-04T02:00", in: decisions) == ["weekly 2026-W40"])
        #expect(Fixture.reasons(at: "2026-10-31T23:30", in: decisions) == ["monthly 2026-10"])
        #expect(
            Fixture.reasons(at: "2025-12-31T02:00", in: decisions) == [
                "monthly 2025-12", "yearly 2025",
            ])
        #expect(Fixture.reasons(at: "2026-10-31T02:00", in: decisions) == ["no rule keeps it"])
        #expect(Fixture.decision(at: "2026-10-31T02:00", in: decisions)?.action == .delete)
    }

    @Test func weekRulesAcrossYearEnds_nameTheISOWeekYear() {
        let w53 = RetentionEvaluator.evaluate(
            Fixture.nightly(from: "2020-12-15", through: "2021-01-06"),
            policy: RetentionPolicy(keep: .init(weekly: 3)), now: Fixture.date("2021-01-06T12:00"))
        #expect(Fixture.reasons(at: "2021-01-03T02:00", in: w53) == ["weekly 2020-W53"])
        #expect(Fixture.reasons(at: "2020-12-27T02:00", in: w53) == ["weekly 2020-W52"])

        let w01 = RetentionEvaluator.evaluate(
            Fixture.nightly(from: "2024-12-20", through: "2025-01-01"),
            policy: RetentionPolicy(keep: .init(weekly: 2, yearly: 2)),
            now: Fixture.date("2025-01-01T12:00"))
        #expect(
            Fixture.reasons(at: "2025-01-01T02:00", in: w01) == [
                "newest good snapshot", "weekly 2025-W01", "yearly 2025",
            ])
        #expect(Fixture.reasons(at: "2024-12-31T02:00", in: w01) == ["yearly 2024"])
        #expect(Fixture.reasons(at: "2024-12-29T02:00", in: w01) == ["weekly 2024-W52"])
    }

    @Test func hourlyAcrossMidnight_namesTheHours() {
        let decisions = RetentionEvaluator.evaluate(
            Self.everyTwentyMinutes, policy: RetentionPolicy(keep: .init(hourly: 4)),
            now: Fixture.date("2026-11-21T01:30"))
        #expect(Fixture.reasons(at: "2026-11-21T00:40", in: decisions) == ["hourly 2026-11-21T00"])
        #expect(Fixture.reasons(at: "2026-11-20T23:40", in: decisions) == ["hourly 2026-11-20T23"])
        #expect(Fixture.reasons(at: "2026-11-20T21:40", in: decisions) == ["no rule keeps it"])
    }
}
