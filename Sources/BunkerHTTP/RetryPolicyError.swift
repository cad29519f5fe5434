/// A retry setting from the environment that cannot be used.
public enum RetryPolicyError: Error, CustomStringConvertible, Equatable {
    /// `AWS_MAX_ATTEMPTS` was not a whole number in the allowed range.
    case invalidMaxAttempts(value: String)

    public var description: String {
        switch self {
        case let .invalidMaxAttempts(value):
            return "AWS_MAX_ATTEMPTS must be a whole number from 1 to \(RetryPolicy.attemptLimit) "
                + "(got \"\(value)\"); fix it or unset it to use the default of 3"
        }
    }
}
