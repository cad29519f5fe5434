/// What to do after a failed attempt.
public enum RetryDecision: Sendable, Equatable {
    /// Send the request again after a backoff delay; `reason` is for logs.
    case retry(reason: String)
    /// Give up and report the failure.
    case doNotRetry

    /// True for ``retry(reason:)``.
    public var shouldRetry: Bool {
        if case .retry = self { return true }
        return false
    }
}
