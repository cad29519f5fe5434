import BunkerRetention
import Foundation
import Testing

@Suite struct ObjectLockScheduleTests {
    static let standard = RetentionPolicy(
        keep: .init(last: 3, within: .hours(48), daily: 14, weekly: 8, monthly: 12, yearly: 7),
        lock: .governance)

    static func locked(_ keep: RetentionPolicy.Keep) -> RetentionPolicy {
        RetentionPolicy(keep: keep, lock: .compliance)
    }

    static func writeTime(_ created: String, _ policy: RetentionPolicy) -> String? {
        ObjectLockSchedule.writeTimeRetainUntil(createdAt: Fixture.date(created), policy: policy)
            .map(Fixture.text)
    }

    // MARK: - Write time

    @Test func writeTime_nightlyStandard_getsItsDailyLifetime() {
        // daily: 2026-11-20 + 14 days = 12-04; within: 11-22T02:00; the later one wins.
        #expect(Self.writeTime("2026-11-20T02:00", Self.standard) == "2026-12-04T00:00")
    }

    @Test func writeTime_withinLongerThanTheShortestCalendarRule_wins() {
        // within 30d: 12-20T02:00; daily 7: 11-27T00:00.
        let policy = Self.locked(.init(within: .days(30), daily: 7))
        #expect(Self.writeTime("2026-11-20T02:00", policy) == "2026-12-20T02:00")
        // within 48h from 23:59 beats daily 1 (next midnight).
        #expect(
            Self.writeTime("2026-11-20T23:59", Self.locked(.init(within: .hours(48), daily: 1)))
                == "2026-11-22T23:59")
    }

    @Test func writeTime_usesTheShortestLivedCalendarRule() {
        // hourly 24: 02:00 + 24 h = 11-21T02:00, shorter than daily 14 (12-04).
        #expect(
            Self.writeTime("2026-11-20T02:17", Self.locked(.init(hourly: 24, daily: 14)))
                == "2026-11-21T02:00")
        // weekly 8: Monday 11-16 + 56 days = 2027-01-11, shorter than monthly 12 (2027-11-01).
        #expect(
            Self.writeTime("2026-11-20T02:00", Self.locked(.init(weekly: 8, monthly: 12)))
                == "2027-01-11T00:00")
    }

    @Test func writeTime_onlyLast_isOneDay() {
        #expect(
            Self.writeTime("2026-11-20T02:17", Self.locked(.init(last: 7))) == "2026-11-21T02:17")
    }

    @Test func writeTime_leapDay() {
        #expect(
            Self.writeTime("2024-02-29T02:00", Self.locked(.init(yearly: 1))) == "2025-01-01T00:00")
        #expect(
            Self.writeTime("2024-02-29T02:00", Self.locked(.init(monthly: 1))) == "2024-03-01T00:00"
        )
        #expect(
            Self.writeTime("2024-02-29T02:00", Self.locked(.init(daily: 1))) == "2024-03-01T00:00")
    }

    @Test func writeTime_withoutLock_isNil() throws {
        let minimal = try RetentionPolicy.load(path: Fixture.shippedPolicyPath("minimal.json"))
        #expect(Self.writeTime("2026-11-20T02:00", minimal) == nil)
        #expect(Self.writeTime("2026-11-20T02:00", RetentionPolicy(keep: .init(yearly: 7))) == nil)
    }

    // MARK: - Promotion

    static let november = Fixture.nightly(from: "2026-11-01", through: "2026-12-01")

    static func promoted(
        _ time: String, _ catalog: [RetentionSnapshot], _ policy: RetentionPolicy, now: String
    ) -> String? {
        ObjectLockSchedule.promotedRetainUntil(
            of: Fixture.snapshot(time), catalog: catalog, policy: policy, now: Fixture.date(now)
        ).map(Fixture.text)
    }

    @Test func lastOfNovember_afterDecemberStarts_isPromotedForTwelveMonths() {
        // monthly: 2026-11-01 + 12 months; daily (12-14) and within (12-02T02:00) are shorter;
        // its week (11-30..12-06) and year are still open.
        #expect(
            Self.promoted("2026-11-30T02:00", Self.november, Self.standard, now: "2026-12-01T03:00")
                == "2027-11-01T00:00")
        let targets = ObjectLockSchedule.lockTargets(
            for: Self.november, policy: Self.standard,
            now: Fixture.date("2026-12-01T03:00"))
        let target = targets.first { Fixture.text($0.snapshot.createdAt) == "2026-11-30T02:00" }
        #expect(
            target?.basis.map(\.description) == [
                "within 48h", "daily 2026-11-30", "monthly 2026-11",
            ])
    }

    @Test func whileItsMonthIsOpen_isNotPromoted() {
        let catalog = Fixture.nightly(from: "2026-11-01", through: "2026-11-30")
        let monthly = Self.locked(.init(monthly: 12))
        #expect(Self.promoted("2026-11-30T02:00", catalog, monthly, now: "2026-11-30T12:00") == nil)
        #expect(Self.promoted("2026-11-29T02:00", catalog, monthly, now: "2026-11-30T12:00") == nil)
        // With the standard policy only within applies yet: 11-30T02:00 + 48 h.
        #expect(
            Self.promoted("2026-11-30T02:00", catalog, Self.standard, now: "2026-11-30T12:00")
                == "2026-12-02T02:00")
    }

    @Test func notTheNewestOfItsBucket_isNotPromoted() {
        let monthly = Self.locked(.init(monthly: 12))
        #expect(
            Self.promoted("2026-11-29T02:00", Self.november, monthly, now: "2026-12-01T03:00")
                == nil)
        #expect(
            Self.promoted("2026-11-30T02:00", Self.november, monthly, now: "2026-12-01T03:00")
                == "2027-11-01T00:00")
    }

    @Test func bucketOutsideTheWindow_isNotPromoted() {
        // monthly 1 is only the current month: November's lifetime ended at 12-01T00:00.
        #expect(
            Self.promoted(
                "2026-11-30T02:00", Self.november, Self.locked(.init(monthly: 1)),
                now: "2026-12-01T03:00") == nil)
    }

    @Test func week53_promotesFromItsMonday() {
        // 2026-W53 starts Monday 2026-12-28; + 8 weeks = 2027-02-22.
        let catalog = Fixture.nightly(from: "2026-12-20", through: "2027-01-04")
        #expect(
            Self.promoted(
                "2027-01-03T02:00", catalog, Self.locked(.init(weekly: 8)), now: "2027-01-04T03:00")
                == "2027-02-22T00:00")
    }

    @Test func lockTargets_giveEveryKeptSnapshotItsDate() {
        let targets = ObjectLockSchedule.lockTargets(
            for: Self.november, policy: Self.standard,
            now: Fixture.date("2026-12-01T03:00"))
        let dates = Dictionary(
            uniqueKeysWithValues: targets.map {
                (Fixture.text($0.snapshot.createdAt), $0.retainUntil.map(Fixture.text))
            })

        // Kept: daily 11-18..12-01, weekly 11-15, 11-08, 11-01.
        #expect(targets.count == 17)
        #expect(dates["2026-12-01T02:00"] == "2026-12-03T02:00")  // within only; all buckets open
        #expect(dates["2026-11-30T02:00"] == "2027-11-01T00:00")  // monthly 2026-11
        #expect(dates["2026-11-29T02:00"] == "2027-01-18T00:00")  // weekly 2026-W48: 11-23 + 8 w
        #expect(dates["2026-11-25T02:00"] == "2026-12-09T00:00")  // daily 2026-11-25 + 14 d
        #expect(dates["2026-11-15T02:00"] == "2027-01-04T00:00")  // weekly 2026-W46: 11-09 + 8 w
        #expect(dates["2026-11-01T02:00"] == "2026-12-21T00:00")  // weekly 2026-W44: 10-26 + 8 w
        #expect(dates["2026-11-10T02:00"] == nil)  // not kept, so no target
        #expect(dates.keys.contains("2026-11-10T02:00") == false)
    }

    @Test func withoutLock_everyTargetIsNil() {
        let policy = RetentionPolicy(keep: Self.standard.keep)
        let targets = ObjectLockSchedule.lockTargets(
            for: Self.november, policy: policy,
            now: Fixture.date("2026-12-01T03:00"))
        #expect(targets.count == 17)
        #expect(targets.allSatisfy { $0.retainUntil == nil && $0.basis.isEmpty })
        #expect(
            Self.promoted("2026-11-30T02:00", Self.november, policy, now: "2026-12-01T03:00") == nil
        )
    }

    @Test func failedLeftover_hasNoPromotedDate() {
        let leftover = Fixture.snapshot("2026-11-30T02:00", good: false)
        let date = ObjectLockSchedule.promotedRetainUntil(
            of: leftover, catalog: [], policy: Self.standard, now: Fixture.date("2026-12-01T03:00"))
        #expect(date == nil)
    }

    @Test func lifetime_isBucketStartPlusCount() {
        let created = Fixture.date("2026-11-20T02:00")
        #expect(
            Fixture.text(ObjectLockSchedule.lifetime(createdAt: created, period: .month, count: 12))
                == "2027-11-01T00:00")
        #expect(
            Fixture.text(ObjectLockSchedule.lifetime(createdAt: created, period: .year, count: 7))
                == "2033-01-01T00:00")
        #expect(
            Fixture.text(ObjectLockSchedule.lifetime(createdAt: created, period: .hour, count: 3))
                == "2026-11-20T05:00")
    }
}
