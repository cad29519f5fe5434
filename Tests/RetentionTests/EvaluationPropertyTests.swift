import BunkerRetention
import Foundation
import Testing

/// Properties that must hold for every history and policy, checked on seeded random inputs.
@Suite struct EvaluationPropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    struct Example {
        let history: [RetentionSnapshot]
        let policy: RetentionPolicy
        let now: Date
    }

    /// Up to 50 snapshots over about three years before `now` (some minutes apart, some with equal
    /// times, a few after now), about 15 % failed leftovers, and a policy with random rules.
    static func example(seed: UInt64) -> Example {
        var random = SplitMix64(seed: seed)
        let now = Fixture.date("2026-11-20T12:00") + Double(random.int(0...(3 * 365 * 86_400)))

        var history: [RetentionSnapshot] = []
        for index in 0..<random.int(0...50) {
            var time: Date
            if random.chance(10) {
                time = now + Double(random.int(1...(2 * 86_400)))
            } else if random.chance(30) {
                time = now - Double(random.int(0...(3 * 86_400)))
            } else {
                time = now - Double(random.int(0...(3 * 365 * 86_400)))
            }
            if let earlier = history.last, random.chance(10) { time = earlier.createdAt }
            let id = "s\(String(random.int(0...0xFFFF), radix: 16))-\(index)"
            history.append(RetentionSnapshot(id: id, createdAt: time, isGood: !random.chance(15)))
        }

        func count(_ maximum: Int) -> Int { random.chance(50) ? 0 : random.int(1...maximum) }
        let keep = RetentionPolicy.Keep(
            last: count(6),
            within: random.chance(50) ? nil : .minutes(random.int(1...(20 * 1440))),
            hourly: count(48), daily: count(30), weekly: count(12), monthly: count(24),
            yearly: count(5))
        let lock: RetentionPolicy.LockMode? = random.chance(70) ? .governance : nil
        return Example(history: history, policy: RetentionPolicy(keep: keep, lock: lock), now: now)
    }

    static func keptIDs(_ example: Example, policy: RetentionPolicy? = nil) -> Set<String> {
        let decisions = RetentionEvaluator.evaluate(
            example.history, policy: policy ?? example.policy, now: example.now)
        return Set(decisions.filter(\.isKept).map(\.snapshot.id))
    }

    @Test(arguments: seeds)
    func newestGood_isAlwaysKept(seed: UInt64) {
        let example = Self.example(seed: seed)
        let decisions = RetentionEvaluator.evaluate(
            example.history, policy: example.policy, now: example.now)
        let good = example.history.filter(\.isGood)
        guard
            let newest = good.first(where: { candidate in
                !good.contains { $0.isNewer(than: candidate) }
            })
        else {
            #expect(decisions.allSatisfy { !$0.isKept })
            return
        }
        let decision = decisions.first { $0.snapshot == newest }
        #expect(decision?.isKept == true)
        #expect(decision?.reasons.first == .newestGood)
        #expect(decisions.filter { $0.reasons.contains(.newestGood) }.count == 1)
    }

    @Test(arguments: seeds)
    func failedLeftovers_areNeverKept(seed: UInt64) {
        let example = Self.example(seed: seed)
        let decisions = RetentionEvaluator.evaluate(
            example.history, policy: example.policy, now: example.now)
        for decision in decisions where !decision.snapshot.isGood {
            #expect(decision.action == .delete)
            #expect(decision.reasons == [.failedLeftover])
        }
    }

    @Test(arguments: seeds)
    func decisions_coverEveryInputInOrder_withReasons(seed: UInt64) {
        let example = Self.example(seed: seed)
        let decisions = RetentionEvaluator.evaluate(
            example.history, policy: example.policy, now: example.now)
        #expect(decisions.map(\.snapshot) == example.history)
        for decision in decisions {
            if decision.isKept {
                #expect(!decision.reasons.isEmpty)
                #expect(
                    !decision.reasons.contains(.noRuleKeeps)
                        && !decision.reasons.contains(.failedLeftover))
            } else {
                #expect(decision.reasons.count == 1)
            }
        }
    }

    @Test(arguments: seeds)
    func evaluation_isIndependentOfInputOrder(seed: UInt64) {
        let example = Self.example(seed: seed)
        var random = SplitMix64(seed: seed &* 7919)
        let shuffled = random.shuffled(example.history)

        let original = RetentionEvaluator.evaluate(
            example.history, policy: example.policy, now: example.now)
        let reordered = RetentionEvaluator.evaluate(
            shuffled, policy: example.policy, now: example.now)
        let byID = Dictionary(uniqueKeysWithValues: original.map { ($0.snapshot.id, $0) })
        #expect(reordered.count == original.count)
        for decision in reordered {
            #expect(byID[decision.snapshot.id] == decision)
        }
    }

    @Test(arguments: seeds)
    func evaluation_isAPureFunction(seed: UInt64) {
        let first = Self.example(seed: seed)
        let second = Self.example(seed: seed)
        let a = RetentionEvaluator.evaluate(first.history, policy: first.policy, now: first.now)
        let b = RetentionEvaluator.evaluate(second.history, policy: second.policy, now: second.now)
        let c = RetentionEvaluator.evaluate(first.history, policy: first.policy, now: first.now)
        #expect(a == b)
        #expect(a == c)
    }

    static let counts: [WritableKeyPath<RetentionPolicy.Keep, Int>] = [
        \.last, \.hourly, \.daily, \.weekly, \.monthly, \.yearly,
    ]

    @Test(arguments: seeds)
    func keepSet_onlyGrowsWhenACountGrows(seed: UInt64) {
        let example = Self.example(seed: seed)
        var random = SplitMix64(seed: seed &+ 104_729)
        let before = Self.keptIDs(example)
        for count in Self.counts {
            var larger = example.policy
            larger.keep[keyPath: count] += random.int(1...10)
            let after = Self.keptIDs(example, policy: larger)
            #expect(
                before.isSubset(of: after), "growing \(count) dropped \(before.subtracting(after))")
        }
    }

    @Test(arguments: seeds)
    func addingOrLengtheningWithin_neverRemovesAKeptSnapshot(seed: UInt64) {
        let example = Self.example(seed: seed)
        var random = SplitMix64(seed: seed &+ 15_485_863)
        let before = Self.keptIDs(example)

        var longer = example.policy
        let minutes = (example.policy.keep.within?.minutes ?? 0) + random.int(1...(30 * 1440))
        longer.keep.within = .minutes(minutes)
        let after = Self.keptIDs(example, policy: longer)
        #expect(before.isSubset(of: after))
    }

    @Test(arguments: seeds)
    func goodSnapshotsAfterNow_areNeverDeleted(seed: UInt64) {
        let example = Self.example(seed: seed)
        let decisions = RetentionEvaluator.evaluate(
            example.history, policy: example.policy, now: example.now)
        for decision in decisions
        where decision.snapshot.isGood && decision.snapshot.createdAt > example.now {
            #expect(decision.isKept)
            #expect(decision.reasons.contains(.afterNow))
        }
    }

    @Test(arguments: seeds)
    func lockDates_areInTheFuture_andOnlyForKeptSnapshots(seed: UInt64) {
        let example = Self.example(seed: seed)
        let targets = ObjectLockSchedule.lockTargets(
            for: example.history, policy: example.policy, now: example.now)
        let kept = example.history.filter { Self.keptIDs(example).contains($0.id) && $0.isGood }
        #expect(targets.map(\.snapshot) == kept)

        for target in targets {
            if example.policy.lock == nil {
                #expect(target.retainUntil == nil)
                continue
            }
            let single = ObjectLockSchedule.promotedRetainUntil(
                of: target.snapshot, catalog: example.history, policy: example.policy,
                now: example.now)
            #expect(single == target.retainUntil)
            #expect(target.retainUntil.map { $0 >= example.now } ?? target.basis.isEmpty)
        }

        for snapshot in example.history where example.policy.lock != nil {
            let written = ObjectLockSchedule.writeTimeRetainUntil(
                createdAt: snapshot.createdAt, policy: example.policy)
            #expect(written.map { $0 > snapshot.createdAt } == true)
        }
    }
}
