import Foundation

/// Runs blocking work items with a bounded number in flight.
///
/// Each run uses its own threads (`min(width, items)` of them), not Dispatch's shared
/// pool: the work blocks on the network, and Dispatch would run only about one item per
/// CPU core at a time, so `width` requests would not really be in flight together.
///
/// Limits: items are started in order but finish in any order; results are returned in
/// input order. The calling thread blocks until all are done.
public struct WorkPool: Sendable {
    /// The most items that run at once.
    public let width: Int

    /// A pool running at most `width` (at least 1) items at a time.
    public init(width: Int) { self.width = max(1, width) }

    /// Calls `body` for every item, at most ``width`` at a time, and returns the results in
    /// the order of `items`.
    public func map<Item, Output>(
        _ items: [Item], _ body: @escaping (Item) -> Output
    ) -> [Output] {
        guard items.count > 1, width > 1 else { return items.map(body) }

        let results = ResultSlots<Output>(count: items.count)
        let workers = min(width, items.count)
        let group = DispatchGroup()
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while let index = results.claimNext() {
                    results.set(index, body(items[index]))
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()
        return results.values()
    }
}

/// Lock-protected work queue and result storage for ``WorkPool``.
///
/// `@unchecked Sendable`: every stored property is only touched while `lock` is held.
private final class ResultSlots<Output>: @unchecked Sendable {
    private var storage: [Output?]
    private var next = 0
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    /// The index of the next item nobody has started, or nil when all have been claimed.
    func claimNext() -> Int? {
        lock.withLock {
            guard next < storage.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func set(_ index: Int, _ value: Output) {
        lock.withLock { storage[index] = value }
    }

    func values() -> [Output] {
        lock.withLock { storage.map { $0! } }
    }
}
