import BunkerHTTP
import Foundation
import Testing

@Suite("RetryPolicy")
struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test(arguments: [
        (500, nil), (502, nil), (503, nil), (504, nil), (429, nil),
        (400, "Throttling"), (400, "ThrottlingException"), (400, "ThrottledException"),
        (400, "RequestThrottledException"), (400, "TooManyRequestsException"),
        (400, "ProvisionedThroughputExceededException"),
        (400, "TransactionInProgressException"), (400, "RequestLimitExceeded"),
        (509, "BandwidthLimitExceeded"), (503, "SlowDown"), (400, "EC2ThrottledException"),
        (400, "RequestTimeout"), (400, "RequestTimeoutException"), (400, "InternalError"),
        (400, "ServiceUnavailable"), (403, "RequestTimeTooSkewed"), (400, "RequestExpired"),
        (400, "com.amazonaws.secretsmanager#ThrottlingException"),
        (400, "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral/"),
    ] as [(Int, String?)])
    func classify_retryableResponse_retries(status: Int, code: String?) {
        let decision = policy.classify(status: status, errorCode: code, transportError: nil)

        #expect(decision.shouldRetry)
    }

    @Test(arguments: [
        (400, nil), (403, "AccessDeniedException"), (404, "ResourceNotFoundException"),
        (400, "LimitExceededException"), (400, "ValidationException"), (501, nil),
        (403, "SignatureDoesNotMatch"), (400, "InvalidSignatureException"), (200, nil),
    ] as [(Int, String?)])
    func classify_permanentResponse_doesNotRetry(status: Int, code: String?) {
        let decision = policy.classify(status: status, errorCode: code, transportError: nil)

        #expect(decision == .doNotRetry)
    }

    @Test func classify_signatureErrorWithSkewDetected_retries() {
        let decision = policy.classify(
            status: 403, errorCode: "SignatureDoesNotMatch", transportError: nil,
            clockSkewDetected: true
        )

        #expect(decision.shouldRetry)
    }

    @Test(arguments: [
        (HTTPError.connect(host: "h", message: "refused"), true),
        (HTTPError.timeout(url: "http://h/", seconds: 1), true),
        (HTTPError.network(code: 56, message: "reset"), true),
        (HTTPError.network(code: 52, message: "empty reply"), true),
        (HTTPError.network(code: 3, message: "bad url"), false),
        (HTTPError.tls(message: "bad cert"), false),
        (HTTPError.aborted(underlying: SinkFailure()), false),
        (HTTPError.invalidRequest("bad"), false),
    ])
    func classify_transportError_followsIsRetryable(error: HTTPError, retries: Bool) {
        let decision = policy.classify(status: nil, errorCode: nil, transportError: error)

        #expect(decision.shouldRetry == retries)
        #expect(error.isRetryable == retries)
    }

    @Test func isThrottle_recognisesStatusAndCodes() {
        #expect(policy.isThrottle(status: 429, errorCode: nil))
        #expect(policy.isThrottle(status: 400, errorCode: "ThrottlingException"))
        #expect(policy.isThrottle(status: 503, errorCode: "SlowDown"))
        #expect(!policy.isThrottle(status: 503, errorCode: nil))
        #expect(!policy.isThrottle(status: 400, errorCode: "LimitExceededException"))
        #expect(!policy.isThrottle(status: 500, errorCode: "InternalError"))
    }

    @Test func isClockSkewError_coversSkewAndSignatureCodes() {
        for code in ["RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException",
                     "SignatureDoesNotMatch"] {
            #expect(RetryPolicy.isClockSkewError(code: code), "\(code)")
        }
        #expect(!RetryPolicy.isClockSkewError(code: "ThrottlingException"))
        #expect(!RetryPolicy.isClockSkewError(code: nil))
    }

    @Test func delay_staysWithinTheExponentialBound() {
        let bounds: [Double] = [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 6.4, 12.8, 20, 20, 20]

        for (index, bound) in bounds.enumerated() {
            let attempt = index + 1
            #expect(policy.delay(forAttempt: attempt) { 0 } == 0)
            let top = policy.delay(forAttempt: attempt) { 0.999_999 }
            #expect(top < bound + 1e-9 && top > bound * 0.999, "attempt \(attempt)")
            #expect(abs(policy.delay(forAttempt: attempt) { 0.5 } - bound / 2) < 1e-9)
        }
        #expect(policy.delay(forAttempt: 10_000) { 0.999_999 } <= 20)
        #expect(policy.delay(forAttempt: 1) { 7 } <= 0.1)
        #expect(policy.delay(forAttempt: 1) { -1 } == 0)
    }

    @Test func delay_withSystemRandom_isInRange() {
        for attempt in 1...12 {
            let delay = policy.delay(forAttempt: attempt)
            #expect(delay >= 0 && delay <= 20)
        }
    }

    @Test func hasAttemptsLeft_countsTheFirstAttempt() {
        #expect(policy.hasAttemptsLeft(afterAttempt: 1))
        #expect(policy.hasAttemptsLeft(afterAttempt: 2))
        #expect(!policy.hasAttemptsLeft(afterAttempt: 3))
        #expect(!RetryPolicy(maxAttempts: 1).hasAttemptsLeft(afterAttempt: 1))
    }

    @Test func fromEnvironment_readsMaxAttempts() throws {
        #expect(try RetryPolicy.fromEnvironment([:]).maxAttempts == 3)
        #expect(try RetryPolicy.fromEnvironment(["AWS_MAX_ATTEMPTS": ""]).maxAttempts == 3)
        #expect(try RetryPolicy.fromEnvironment(["AWS_MAX_ATTEMPTS": "5"]).maxAttempts == 5)
        #expect(try RetryPolicy.fromEnvironment(["AWS_MAX_ATTEMPTS": " 1 "]).maxAttempts == 1)
    }

    @Test(arguments: ["0", "-1", "abc", "3.5", "101", "1e3"])
    func fromEnvironment_badValue_throwsAClearError(value: String) {
        let error = #expect(throws: RetryPolicyError.self) {
            try RetryPolicy.fromEnvironment(["AWS_MAX_ATTEMPTS": value])
        }

        #expect(error == .invalidMaxAttempts(value: value))
        #expect(error?.description.contains("AWS_MAX_ATTEMPTS") == true)
    }

    @Test func clockSkew_parsesTheDateHeader() {
        let now = Date(timeIntervalSince1970: 784_111_777)  // Sun, 06 Nov 1994 08:49:37 GMT
        let tenMinutesAhead = "Sun, 06 Nov 1994 08:59:37 GMT"
        let oneMinuteAhead = "Sun, 06 Nov 1994 08:50:37 GMT"

        let skew = RetryPolicy.clockSkew(serverDate: tenMinutesAhead, localNow: now)

        #expect(skew == 600)
        #expect(RetryPolicy.isClockSkewed(serverDate: tenMinutesAhead, localNow: now))
        #expect(!RetryPolicy.isClockSkewed(serverDate: oneMinuteAhead, localNow: now))
        #expect(RetryPolicy.clockSkew(serverDate: "yesterday", localNow: now) == nil)
    }
}
