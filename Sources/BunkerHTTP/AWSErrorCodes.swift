import Foundation

/// AWS error codes grouped the way the AWS SDKs' standard retry mode groups them.
enum AWSErrorCodes {
    /// The service asked the caller to slow down.
    ///
    /// `LimitExceededException` is deliberately absent: in Secrets Manager it
    /// means a quota was reached, which waiting does not fix.
    static let throttling: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException",
        "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Failures on the service side that usually pass.
    static let transient: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError",
        "InternalFailure", "ServiceUnavailable",
    ]

    /// Codes that always mean the request's time stamp was off.
    static let clockSkew: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
    ]

    /// Codes that mean clock skew only when the server's clock is known to differ.
    static let possibleClockSkew: Set<String> = [
        "InvalidSignatureException", "SignatureDoesNotMatch", "AuthFailure",
    ]

    /// Status codes retried whatever the error code.
    static let retryableStatuses: Set<Int> = [429, 500, 502, 503, 504]

    /// The bare code from the forms services use: `ThrottlingException`,
    /// `com.amazonaws.secretsmanager#ThrottlingException` (JSON `__type`) or
    /// `ThrottlingException:http://internal.amazon.com/...` (`x-amzn-ErrorType`).
    static func normalize(_ code: String?) -> String? {
        guard var code = code?.trimmingCharacters(in: .whitespaces), !code.isEmpty else {
            return nil
        }
        if let colon = code.firstIndex(of: ":") {
            code = String(code[..<colon])
        }
        if let hash = code.lastIndex(of: "#") {
            code = String(code[code.index(after: hash)...])
        }
        return code.isEmpty ? nil : code
    }
}
