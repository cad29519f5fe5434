import Foundation

/// Caches credentials and refreshes temporary ones ahead of their expiry.
///
/// Credentials without an expiration are kept forever. Temporary credentials are fetched
/// again once they are within `refreshMargin` (5 minutes by default) of expiring. If a
/// refresh fails while the old credentials are still valid, the old ones are returned and
/// the refresh is tried again on a later call. At most one refresh runs at a time; other
/// callers wait for it. Thread-safe.
public final class CachingCredentialsProvider: CredentialsProvider, @unchecked Sendable {
    private let base: CredentialsProvider
    private let refreshMargin: TimeInterval
    private let retryInterval: TimeInterval
    private let now: @Sendable () -> Date
    // Guards `cached` and `lastFetch`; held during a fetch so refreshes never overlap.
    private let lock = NSLock()
    private var cached: AWSCredentials?
    private var lastFetch: Date?

    /// - Parameters:
    ///   - base: The provider to fetch from.
    ///   - refreshMargin: Refresh this long before expiry.
    ///   - retryInterval: Inside the margin, fetch at most this often while the old
    ///     credentials are still valid (some sources hand out short-lived keys).
    ///   - now: The clock; injectable for tests.
    public init(
        wrapping base: CredentialsProvider, refreshMargin: TimeInterval = 300,
        retryInterval: TimeInterval = 10, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.base = base
        self.refreshMargin = refreshMargin
        self.retryInterval = retryInterval
        self.now = now
    }

    public func credentials() throws -> AWSCredentials {
        lock.lock()
        defer { lock.unlock() }

        let current = now()
        if let cached, !needsRefresh(cached, at: current) {
            return cached
        }

        do {
            lastFetch = current
            let fresh = try base.credentials()
            cached = fresh
            return fresh
        } catch {
            if let cached, let expiration = cached.expiration, expiration > current {
                return cached
            }
            throw error
        }
    }

    /// Forgets the cached credentials, so the next call fetches (after an `ExpiredToken`).
    public func invalidate() {
        lock.withLock {
            cached = nil
            lastFetch = nil
        }
    }

    private func needsRefresh(_ value: AWSCredentials, at time: Date) -> Bool {
        guard let expiration = value.expiration else { return false }
        if expiration <= time { return true }
        guard expiration.timeIntervalSince(time) <= refreshMargin else { return false }
        guard let lastFetch else { return true }
        return time.timeIntervalSince(lastFetch) >= retryInterval
    }
}
