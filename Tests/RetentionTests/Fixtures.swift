import BunkerRetention
import Foundation

/// Builds snapshots and dates from readable UTC strings, with Foundation's own formatters, so
/// expected values never come from the code under test.
enum Fixture {
    /// `2026-11-20T02:00` or `2026-11-20T02:00:30` (UTC) as a date.
    static func date(_ text: String) -> Date {
        let full = text.count == 16 ? text + ":00Z" : text + "Z"
        guard let date = iso.date(from: full) else { fatalError("bad fixture date \(text)") }
        return date
    }

    /// A date as `2026-11-20T02:00` (UTC), the form expected sets are written in.
    static func text(_ date: Date) -> String { String(iso.string(from: date).prefix(16)) }

    /// A snapshot at `time`; the id is the time in Bunker's form plus `suffix`.
    static func snapshot(_ time: String, good: Bool = true, suffix: String = "3f9a1c")
        -> RetentionSnapshot
    {
        let date = date(time)
        return RetentionSnapshot(
            id: "\(idFormatter.string(from: date))-\(suffix)", createdAt: date, isGood: good)
    }

    /// One good snapshot a day at `time` from `first` through `last` (`2026-11-20`), skipping
    /// days inside any of `gaps` (inclusive, `"2026-06-01"..."2026-06-30"`).
    static func nightly(
        from first: String,
        through last: String,
        at time: String = "02:00",
        skipping gaps: [ClosedRange<String>] = []
    ) -> [RetentionSnapshot] {
        var snapshots: [RetentionSnapshot] = []
        var day = date("\(first)T\(time)")
        let end = date("\(last)T\(time)")
        while day <= end {
            let dayText = String(text(day).prefix(10))
            if !gaps.contains(where: { $0.contains(dayText) }) {
                snapshots.append(snapshot(text(day)))
            }
            day += 86_400
        }
        return snapshots
    }

    /// The times of the kept snapshots, sorted, as `2026-11-20T02:00`.
    static func keptTimes(_ decisions: [RetentionDecision]) -> [String] {
        decisions.filter(\.isKept).map { text($0.snapshot.createdAt) }.sorted()
    }

    /// The decision for the snapshot at `time` (there must be exactly one).
    static func decision(at time: String, in decisions: [RetentionDecision]) -> RetentionDecision? {
        let matches = decisions.filter { text($0.snapshot.createdAt) == time }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Reason strings of the decision for the snapshot at `time`.
    static func reasons(at time: String, in decisions: [RetentionDecision]) -> [String] {
        decision(at: time, in: decisions)?.reasons.map(\.description) ?? [
            "<no single snapshot at \(time)>"
        ]
    }

    /// The shipped policy file `policies/retention/<name>`, found from this source file.
    static func shippedPolicyPath(_ name: String, file: String = #filePath) -> String {
        URL(fileURLWithPath: file)
            .deletingLastPathComponent()  // RetentionTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("policies/retention/\(name)")
            .path
    }

    private static let iso: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }()

    private static let idFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }()
}

/// A seeded SplitMix64 generator, so every "random" history is the same on every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`; the slight modulo bias does not matter for test data.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next() % width)
    }

    /// `true` with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    /// `items` in a random order (Fisher–Yates).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        for index in result.indices.reversed() where index > 0 {
            result.swapAt(index, int(0...index))
        }
        return result
    }
}
