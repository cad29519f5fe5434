import Foundation

/// When and how long to wait before sending an AWS request again, following
/// the AWS SDKs' "standard" retry mode. Pure: it sleeps and sends nothing.
///
/// Backoff is exponential with full jitter: after failed attempt `n`
/// (1-based) the wait is uniform in `0 ..< min(maxBackoff, baseDelay * 2^(n-1))`.
/// With the defaults the upper bounds are:
///
/// | failed attempt | 1   | 2   | 3   | 4   | 5   | 6   | 7   | 8    | 9+ |
/// |----------------|-----|-----|-----|-----|-----|-----|-----|------|----|
/// | max wait (s)   | 0.1 | 0.2 | 0.4 | 0.8 | 1.6 | 3.2 | 6.4 | 12.8 | 20 |
///
/// Limits: `Retry-After` headers and the SDKs' retry-quota token bucket are
/// not modelled; callers that see ``isThrottle(status:errorCode:)`` should slow down.
public struct RetryPolicy: Sendable, Equatable {
    /// The largest `maxAttempts` accepted from the environment.
    public static let attemptLimit = 100

    /// Total attempts, the first one included. `1` means never retry.
    public var maxAttempts: Int

    /// The first backoff bound, in seconds.
    public var baseDelay: TimeInterval

    /// No backoff is ever longer than this, in seconds.
    public var maxBackoff: TimeInterval

    /// Values below the minimum (1 attempt, 0 s) are raised to it.
    public init(
        maxAttempts: Int = 3, baseDelay: TimeInterval = 0.1, maxBackoff: TimeInterval = 20
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxBackoff = max(0, maxBackoff)
    }

    /// The policy set by `AWS_MAX_ATTEMPTS`, or the default when it is unset or empty.
    ///
    /// - Throws: ``RetryPolicyError/invalidMaxAttempts(value:)`` when the value
    ///   is not a whole number from 1 to ``attemptLimit``.
    public static func fromEnvironment(_ env: [String: String]) throws -> RetryPolicy {
        guard let raw = env["AWS_MAX_ATTEMPTS"] else { return RetryPolicy() }
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.isEmpty {
            return RetryPolicy()
        }
        guard let attempts = Int(text), (1...attemptLimit).contains(attempts) else {
            throw RetryPolicyError.invalidMaxAttempts(value: raw)
        }
        return RetryPolicy(maxAttempts: attempts)
    }

    /// Whether another attempt is allowed after attempt number `attempt` (1-based) failed.
    public func hasAttemptsLeft(afterAttempt attempt: Int) -> Bool {
        attempt < maxAttempts
    }

    /// How long to wait after attempt number `attempt` (1-based) failed.
    ///
    /// - Parameter random: a source of numbers in `0 ..< 1`; values outside are clamped.
    public func delay(forAttempt attempt: Int, random: () -> Double) -> TimeInterval {
        let exponent = Double(max(1, attempt) - 1)
        let bound = min(maxBackoff, baseDelay * pow(2, exponent))
        let fraction = min(max(random(), 0), 1)
        return min(bound * fraction, bound)
    }

    /// ``delay(forAttempt:random:)`` using the system random generator.
    public func delay(forAttempt attempt: Int) -> TimeInterval {
        delay(forAttempt: attempt) { Double.random(in: 0..<1) }
    }

    /// Decides whether a failed attempt should be sent again.
    ///
    /// - Parameters:
    ///   - status: the HTTP status, `nil` when no response arrived.
    ///   - errorCode: the AWS error code from the body or `x-amzn-ErrorType`, in any
    ///     of the usual spellings (`Code`, `prefix#Code`, `Code:uri`).
    ///   - transportError: the failure when no response arrived.
    ///   - clockSkewDetected: whether the response's `Date` shows our clock is off;
    ///     only then are signature errors treated as clock skew.
    public func classify(
        status: Int?, errorCode: String?, transportError: HTTPError?,
        clockSkewDetected: Bool = false
    ) -> RetryDecision {
        if let transportError {
            return transportError.isRetryable
                ? .retry(reason: "transport failure: \(transportError)") : .doNotRetry
        }

        if let code = AWSErrorCodes.normalize(errorCode) {
            if AWSErrorCodes.throttling.contains(code) {
                return .retry(reason: "throttled (\(code))")
            }
            if AWSErrorCodes.transient.contains(code) {
                return .retry(reason: "transient service error (\(code))")
            }
            if AWSErrorCodes.clockSkew.contains(code)
                || (clockSkewDetected && AWSErrorCodes.possibleClockSkew.contains(code))
            {
                return .retry(reason: "clock skew (\(code))")
            }
        }

        if let status, AWSErrorCodes.retryableStatuses.contains(status) {
            return .retry(reason: "HTTP status \(status)")
        }
        return .doNotRetry
    }

    /// Whether the service asked us to slow down (HTTP 429 or a throttling code).
    public func isThrottle(status: Int?, errorCode: String?) -> Bool {
        if status == 429 {
            return true
        }
        return AWSErrorCodes.normalize(errorCode).map(AWSErrorCodes.throttling.contains) ?? false
    }

    /// Whether `code` can mean the request was signed with a wrong clock.
    ///
    /// True for codes that always mean it (`RequestTimeTooSkewed`, `RequestExpired`,
    /// `RequestInTheFuture`) and for signature errors that mean it only when the
    /// server's `Date` differs from ours (see ``clockSkew(serverDate:localNow:)``).
    public static func isClockSkewError(code: String?) -> Bool {
        guard let code = AWSErrorCodes.normalize(code) else { return false }
        return AWSErrorCodes.clockSkew.contains(code)
            || AWSErrorCodes.possibleClockSkew.contains(code)
    }
}
