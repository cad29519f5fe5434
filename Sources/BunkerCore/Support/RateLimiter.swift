import Foundation

/// Paces requests to a target rate and adapts it to throttling.
///
/// Additive increase, multiplicative decrease: every throttled response halves
/// the rate (never below ``minimumRate``); every successful one raises it a
/// little, up to the configured ceiling. Thread-safe.
public final class RateLimiter: @unchecked Sendable {
    public let ceiling: Double
    public let minimumRate: Double
    private var rate: Double
    private var nextSlot: Date
    private let lock = NSLock()
    private let now: () -> Date
    private let sleep: (TimeInterval) -> Void

    public init(
        requestsPerSecond: Double, minimumRate: Double = 1,
        now: @escaping () -> Date = Date.init,
        sleep: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        ceiling = requestsPerSecond
        self.minimumRate = min(minimumRate, requestsPerSecond)
        rate = requestsPerSecond
        self.now = now
        self.sleep = sleep
        nextSlot = now()
    }

    /// The current permitted rate in requests per second.
    public var currentRate: Double {
        lock.lock()
        defer { lock.unlock() }
        return rate
    }

    /// Blocks until the caller may send one request.
    public func acquire() {
        lock.lock()
        let current = now()
        let slot = max(nextSlot, current)
        nextSlot = slot.addingTimeInterval(1 / rate)
        lock.unlock()

        let wait = slot.timeIntervalSince(current)
        if wait > 0 { sleep(wait) }
    }

    /// Reports the outcome of a request so the pace can adapt.
    public func record(throttled: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if throttled {
            rate = max(minimumRate, rate / 2)
        } else {
            rate = min(ceiling, rate + 0.5)
        }
    }
}
