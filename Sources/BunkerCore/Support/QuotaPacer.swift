import Foundation

/// Paces Secrets Manager calls per API quota, so a large run is bound by the quotas and
/// not by round trips, and leaves room for the applications that share the account.
///
/// Each quota group of Secrets Manager (AWS's published per-region rates, for example
/// 100 per second for `ListSecrets`, 50 for `ListSecretVersionIds` and for the writes)
/// gets its own ``RateLimiter`` at `share` of that rate. A throttling answer halves the
/// pace of its group only; successes raise it back slowly. Operations not in the table
/// use the most conservative rate (50 per second). Thread-safe.
public final class QuotaPacer: @unchecked Sendable {
    // @unchecked Sendable: `limiters` is immutable after init; RateLimiter locks itself.

    /// AWS's default per-region rate of each quota group, in requests per second.
    public static let quotas: [(operations: [String], perSecond: Double)] = [
        (["GetSecretValue", "DescribeSecret"], 10_000),
        (["ListSecrets"], 100),
        (["BatchGetSecretValue"], 100),
        (["ListSecretVersionIds"], 50),
        (["PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage"], 50),
        (["CreateSecret", "DeleteSecret"], 50),
        (["TagResource", "UntagResource"], 50),
        (["RestoreSecret"], 50),
    ]

    private let limiters: [String: RateLimiter]
    private let fallback: RateLimiter

    /// - Parameters:
    ///   - share: The fraction (0 < share ≤ 1) of each quota to use.
    ///   - sleep: Injectable for tests.
    public init(
        share: Double,
        sleep: @escaping (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        let share = min(max(share, 0.001), 1)
        var limiters: [String: RateLimiter] = [:]
        for quota in Self.quotas {
            let limiter = RateLimiter(requestsPerSecond: quota.perSecond * share, sleep: sleep)
            for operation in quota.operations { limiters[operation] = limiter }
        }
        self.limiters = limiters
        fallback = RateLimiter(requestsPerSecond: 50 * share, sleep: sleep)
    }

    /// Blocks until one `operation` request may be sent.
    public func acquire(_ operation: String) {
        limiter(for: operation).acquire()
    }

    /// Reports the outcome of one attempt of `operation`.
    public func record(_ operation: String, throttled: Bool) {
        limiter(for: operation).record(throttled: throttled)
    }

    /// The current pace of `operation`'s group, in requests per second.
    public func currentRate(_ operation: String) -> Double {
        limiter(for: operation).currentRate
    }

    private func limiter(for operation: String) -> RateLimiter {
        limiters[operation] ?? fallback
    }
}
