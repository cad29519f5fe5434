import CCurl
import Foundation

/// Idle easy handles waiting for the next request, newest first.
///
/// Reusing the most recently returned handle reuses its open connection.
/// `@unchecked Sendable`: `idle` is only touched while `lock` is held, and a
/// handle is owned by exactly one thread between `take` and `giveBack`.
final class HandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [EasyHandle] = []
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// An idle handle, or a new one when none is idle.
    func take() throws -> EasyHandle {
        let reused: EasyHandle? = lock.withLock { idle.popLast() }
        return try reused ?? EasyHandle()
    }

    /// Clears every option on `handle` (keeping its connections) and keeps it
    /// for reuse, or frees it when the pool is full.
    func giveBack(_ handle: EasyHandle) {
        curl_easy_reset(handle.raw)
        lock.withLock {
            if idle.count < capacity {
                idle.append(handle)
            }
        }
    }
}
