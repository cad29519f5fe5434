import BunkerRetention
import Foundation
import Testing

/// Single rules and edge cases: clock skew, leftovers, ties, duplicate ids, empty input.
@Suite struct EvaluationRuleTests {
    let now = Fixture.date("2026-11-20T12:00")

    @Test func futureSnapshots_countInNowsBucket_andAreNeverDeleted() {
        let history = ["2026-11-20T09:00", "2026-11-20T13:00", "2026-11-21T03:00"].map {
            Fixture.snapshot($0)
        }
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init(daily: 1)), now: now)

        #expect(Fixture.keptTimes(decisions) == ["2026-11-20T13:00", "2026-11-21T03:00"])
        #expect(
            Fixture.reasons(at: "2026-11-21T03:00", in: decisions) == [
                "newest good snapshot", "after now (clock skew)", "daily 2026-11-20",
            ])
        #expect(
            Fixture.reasons(at: "2026-11-20T13:00", in: decisions) == ["after now (clock skew)"])
        #expect(Fixture.reasons(at: "2026-11-20T09:00", in: decisions) == ["no rule keeps it"])
    }

    @Test func within_keepsTheBoundaryAndTheFuture() {
        let history = ["2026-11-18T12:00", "2026-11-18T11:59", "2026-11-25T00:00"].map {
            Fixture.snapshot($0)
        }
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init(within: try! RetentionDuration("2d"))),
            now: now)

        #expect(Fixture.keptTimes(decisions) == ["2026-11-18T12:00", "2026-11-25T00:00"])
        #expect(Fixture.reasons(at: "2026-11-18T12:00", in: decisions) == ["within 2d"])
    }

    @Test func failedLeftovers_areDeleted_andCountTowardNoRule() {
        let history = [
            Fixture.snapshot("2026-11-18T02:00"),
            Fixture.snapshot("2026-11-19T02:00"),
            Fixture.snapshot("2026-11-20T02:00", good: false),
        ]
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init(last: 1, daily: 1)), now: now)

        #expect(Fixture.keptTimes(decisions) == ["2026-11-19T02:00"])
        #expect(
            Fixture.reasons(at: "2026-11-19T02:00", in: decisions) == [
                "newest good snapshot", "last 1",
            ])
        #expect(
            Fixture.reasons(at: "2026-11-20T02:00", in: decisions) == [
                "failed leftover (not in the catalog)"
            ])
        #expect(Fixture.reasons(at: "2026-11-18T02:00", in: decisions) == ["no rule keeps it"])
    }

    @Test func onlyLeftovers_deletesThemAll() {
        let history = [Fixture.snapshot("2026-11-20T02:00", good: false)]
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init(last: 5)), now: now)
        #expect(decisions.map(\.action) == [.delete])
    }

    @Test func equalTimes_largerIDIsNewer() {
        let history = [
            Fixture.snapshot("2026-11-20T02:00", suffix: "bbbbbb"),
            Fixture.snapshot("2026-11-20T02:00", suffix: "aaaaaa"),
        ]
        for order in [history, history.reversed()] {
            let decisions = RetentionEvaluator.evaluate(
                order, policy: RetentionPolicy(keep: .init(daily: 3)), now: now)
            let kept = decisions.filter(\.isKept).map(\.snapshot.id)
            #expect(kept == ["20261120T020000Z-bbbbbb"])
        }
    }

    @Test func lastCountsGoodSnapshotsOnly() {
        let history = [
            Fixture.snapshot("2026-11-17T02:00"),
            Fixture.snapshot("2026-11-18T02:00"),
            Fixture.snapshot("2026-11-19T02:00", good: false),
            Fixture.snapshot("2026-11-20T02:00", good: false),
        ]
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init(last: 2)), now: now)
        #expect(Fixture.keptTimes(decisions) == ["2026-11-17T02:00", "2026-11-18T02:00"])
    }

    @Test func keepNothingPolicyBuiltInCode_stillKeepsTheNewestGood() {
        let history = Fixture.nightly(from: "2026-11-10", through: "2026-11-20")
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init()), now: now)
        #expect(Fixture.keptTimes(decisions) == ["2026-11-20T02:00"])
        #expect(Fixture.reasons(at: "2026-11-20T02:00", in: decisions) == ["newest good snapshot"])
    }

    @Test func sharedID_keepsEveryEntryWithThatID() {
        let good = Fixture.snapshot("2026-11-20T02:00")
        let leftover = RetentionSnapshot(id: good.id, createdAt: good.createdAt, isGood: false)
        let older = Fixture.snapshot("2026-11-19T02:00")
        let decisions = RetentionEvaluator.evaluate(
            [leftover, older, good], policy: RetentionPolicy(keep: .init()), now: now)

        #expect(decisions.map(\.action) == [.keep, .delete, .keep])
        #expect(decisions[0].reasons == [.newestGood])
        #expect(decisions[2].reasons == [.newestGood])
    }

    @Test func emptyInput_givesNoDecisions() {
        #expect(
            RetentionEvaluator.evaluate([], policy: RetentionPolicy(keep: .init(last: 1)), now: now)
                .isEmpty)
    }

    @Test func countsAboveTheMaximum_areClamped() {
        let history = Fixture.nightly(from: "2026-11-10", through: "2026-11-20")
        let decisions = RetentionEvaluator.evaluate(
            history, policy: RetentionPolicy(keep: .init(last: Int.max, yearly: Int.max)), now: now)
        #expect(decisions.allSatisfy { $0.isKept })
        #expect(Fixture.reasons(at: "2026-11-10T02:00", in: decisions) == ["last 100000"])
    }
}
