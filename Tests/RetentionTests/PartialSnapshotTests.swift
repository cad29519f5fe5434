import BunkerRetention
import Foundation
import Testing

/// Partial snapshots (some secrets could not be read) may hold the only copy of a secret.
@Suite struct PartialSnapshotTests {
    let now = Fixture.date("2026-11-30T12:00")
    let lastOne = RetentionPolicy(keep: .init(last: 1))

    func snapshot(_ time: String, complete: Bool) -> RetentionSnapshot {
        var snapshot = Fixture.snapshot(time)
        snapshot.isComplete = complete
        return snapshot
    }

    @Test func newestCompleteAndEveryPartialAfterIt_areKept() {
        let history = [
            snapshot("2026-11-25T02:00", complete: true),
            snapshot("2026-11-26T02:00", complete: true),
            snapshot("2026-11-27T02:00", complete: false),
            snapshot("2026-11-28T02:00", complete: false),
        ]
        let decisions = RetentionEvaluator.evaluate(history, policy: lastOne, now: now)

        #expect(Fixture.keptTimes(decisions)
            == ["2026-11-26T02:00", "2026-11-27T02:00", "2026-11-28T02:00"])
        #expect(Fixture.reasons(at: "2026-11-26T02:00", in: decisions) == ["newest complete snapshot"])
        #expect(Fixture.reasons(at: "2026-11-27T02:00", in: decisions)
            == ["partial, newer than the newest complete snapshot"])
        #expect(Fixture.reasons(at: "2026-11-25T02:00", in: decisions) == ["no rule keeps it"])
    }

    @Test func aCompleteSnapshotAgain_letsThePartialOnesGo() {
        let history = [
            snapshot("2026-11-26T02:00", complete: true),
            snapshot("2026-11-27T02:00", complete: false),
            snapshot("2026-11-28T02:00", complete: true),
        ]
        let decisions = RetentionEvaluator.evaluate(history, policy: lastOne, now: now)
        #expect(Fixture.keptTimes(decisions) == ["2026-11-28T02:00"])
    }

    @Test func withoutAnyCompleteSnapshot_everyPartialOneIsKept() {
        let history = ["2026-11-26T02:00", "2026-11-27T02:00"].map { snapshot($0, complete: false) }
        let decisions = RetentionEvaluator.evaluate(history, policy: lastOne, now: now)
        #expect(Fixture.keptTimes(decisions) == ["2026-11-26T02:00", "2026-11-27T02:00"])
    }

    @Test func property_nothingNewerThanTheNewestCompleteIsEverDeleted() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let count = random.int(1...25)
            let history = (0..<count).map { day in
                snapshot(Fixture.text(now.addingTimeInterval(Double(-day) * 86_400 - 3600)),
                         complete: random.chance(60))
            }
            let policy = RetentionPolicy(keep: .init(last: random.int(0...3), daily: random.int(0...5)))
            let decisions = RetentionEvaluator.evaluate(history, policy: policy, now: now)
            let newestComplete = history.filter(\.isComplete).map(\.createdAt).max() ?? .distantPast
            for decision in decisions where decision.snapshot.createdAt >= newestComplete {
                #expect(decision.isKept, "\(Fixture.text(decision.snapshot.createdAt))")
            }
        }
    }
}
