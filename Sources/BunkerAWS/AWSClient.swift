import BunkerCrypto
import BunkerHTTP
import Foundation
import SigV4

/// Sends signed requests to one AWS service in one region, with retries.
///
/// Every attempt is signed again with the current time (corrected for clock skew the
/// service reported) and the provider's current credentials. Failed attempts are retried
/// per the ``RetryPolicy`` after a full-jitter backoff. A request whose body was already
/// being streamed to a sink is not retried (the sink would see duplicate bytes).
/// Thread-safe; share one client per service and region.
public final class AWSClient: @unchecked Sendable {
    /// The service.
    public let service: AWSService
    /// The region signed for.
    public let region: String
    /// Where requests go.
    public let endpoint: AWSEndpoint

    private let credentialsProvider: CredentialsProvider
    private let transport: HTTPTransport
    private let retryPolicy: RetryPolicy
    private let observer: RequestObserver?
    private let signer: SigV4Signer
    private let clock: @Sendable () -> Date
    private let sleep: @Sendable (TimeInterval) -> Void
    private let random: @Sendable () -> Double
    // Guards `clockOffset`: server time minus local time, learned from skew errors.
    private let lock = NSLock()
    private var clockOffset: TimeInterval = 0

    /// - Parameters:
    ///   - service: The service; its signing name is used for SigV4.
    ///   - region: The region to sign for.
    ///   - endpoint: Where to send (see ``EndpointResolver``).
    ///   - credentials: Asked before every attempt; wrap slow providers in a
    ///     ``CachingCredentialsProvider``.
    ///   - transport: The HTTP transport.
    ///   - retryPolicy: Attempts and backoff.
    ///   - observer: Called after every attempt.
    ///   - clock, sleep, random: Injectable for tests.
    public init(
        service: AWSService, region: String, endpoint: AWSEndpoint,
        credentials: CredentialsProvider, transport: HTTPTransport,
        retryPolicy: RetryPolicy = RetryPolicy(), observer: RequestObserver? = nil,
        clock: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.service = service
        self.region = region
        self.endpoint = endpoint
        self.credentialsProvider = credentials
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.observer = observer
        self.signer = SigV4Signer(service: service.signingName, region: region)
        self.clock = clock
        self.sleep = sleep
        self.random = random
    }

    /// The current correction added to the local clock when signing, in seconds.
    public var clockCorrection: TimeInterval {
        lock.withLock { clockOffset }
    }

    /// Sends `request` and returns the successful (2xx) response.
    ///
    /// - Parameters:
    ///   - operation: The operation name, for errors and the observer.
    ///   - request: The request; its body is hashed once and signed on every attempt.
    ///   - errorFormat: How to read error bodies.
    ///   - bodySink: Receives a 2xx body piece by piece instead of `response.body`.
    /// - Throws: ``AWSError``; a non-retryable service error is thrown as is, a retryable
    ///   one that kept failing as ``AWSError/retriesExhausted(lastError:attempts:)``. An
    ///   error thrown by `bodySink` is rethrown unchanged.
    public func send(
        operation: String, request: AWSRequest, errorFormat: AWSErrorFormat,
        bodySink: ((Data) throws -> Void)? = nil
    ) throws -> HTTPResponse {
        let payloadHash = request.body.isEmpty
            ? SigV4Constants.emptyPayloadHash : SHA256.hexDigest(request.body)
        var attempt = 0

        while true {
            attempt += 1
            let signingTime = clock().addingTimeInterval(clockCorrection)
            let wire = try signedRequest(request, payloadHash: payloadHash, at: signingTime)

            let started = Date()
            let progress = SinkProgress()
            let sink: ((Data) throws -> Void)? = bodySink.map { inner in
                { data in
                    progress.started = true
                    try inner(data)
                }
            }

            let failure: AWSError
            let decision: RetryDecision
            var event = RequestEvent(
                service: service, operation: operation, attempt: attempt, status: nil,
                errorCode: nil, isThrottle: false, willRetry: false, duration: 0)
            do {
                let response = try transport.send(wire, bodySink: sink)
                event.status = response.status
                event.duration = Date().timeIntervalSince(started)

                if let error = responseError(response, request: request, format: errorFormat) {
                    let code = error.code
                    let skewed = learnClockSkew(
                        code: code, response: response, signedAt: signingTime)
                    failure = error
                    decision = retryPolicy.classify(
                        status: response.status, errorCode: code, transportError: nil,
                        clockSkewDetected: skewed)
                    event.errorCode = code
                    event.isThrottle = retryPolicy.isThrottle(
                        status: response.status, errorCode: code)
                } else {
                    observer?(event)
                    return response
                }
            } catch let error as HTTPError {
                event.duration = Date().timeIntervalSince(started)
                if case let .aborted(underlying) = error {
                    observer?(event)
                    throw underlying
                }
                failure = .transport(error)
                decision = progress.started
                    ? .doNotRetry
                    : retryPolicy.classify(status: nil, errorCode: nil, transportError: error)
            }

            let canRetry = decision.shouldRetry
                && retryPolicy.hasAttemptsLeft(afterAttempt: attempt)
            event.willRetry = canRetry
            observer?(event)
            if !decision.shouldRetry {
                throw attempt == 1
                    ? failure : .retriesExhausted(lastError: failure, attempts: attempt)
            }
            if !canRetry {
                throw AWSError.retriesExhausted(lastError: failure, attempts: attempt)
            }
            sleep(retryPolicy.delay(forAttempt: attempt, random: random))
        }
    }

    /// Calls a JSON-protocol operation (`POST /` with `X-Amz-Target: <prefix>.<operation>`).
    ///
    /// - Throws: ``AWSError``; a response that does not decode becomes
    ///   ``AWSError/invalidResponse(_:)`` naming the field path, never the body.
    public func json<Output: Decodable>(
        targetPrefix: String, operation: String, input: some Encodable,
        output: Output.Type = Output.self
    ) throws -> Output {
        let body: Data
        do {
            body = try AWSJSON.encoder().encode(input)
        } catch {
            throw AWSError.invalidResponse("could not encode the \(operation) request")
        }
        let request = AWSRequest(
            method: "POST", path: "/",
            headers: [
                ("X-Amz-Target", "\(targetPrefix).\(operation)"),
                ("Content-Type", "application/x-amz-json-1.1"),
            ],
            body: body)
        let response = try send(operation: operation, request: request, errorFormat: .json)
        return try AWSJSON.decode(Output.self, from: response.body, operation: operation)
    }

    private func signedRequest(
        _ request: AWSRequest, payloadHash: String, at date: Date
    ) throws -> HTTPRequest {
        let credentials: AWSCredentials
        do {
            credentials = try credentialsProvider.credentials()
        } catch {
            throw AWSError.credentials("\(error)")
        }

        let host = request.host ?? endpoint.host
        var hostHeader = host
        if let port = endpoint.port, endpoint.hostHeader.hasSuffix(":\(port)") {
            hostHeader += ":\(port)"
        }
        var headers: [(name: String, value: String)] = [("Host", hostHeader)]
        headers.append(contentsOf: request.headers)

        let path = endpoint.basePath + request.path
        let options = service == .s3 ? SigV4Options.s3 : SigV4Options()
        let signature = signer.sign(
            SigV4Request(
                method: request.method, path: path, query: request.query, headers: headers),
            credentials: credentials.sigV4, date: date, payloadHash: payloadHash, options: options)
        headers.append(contentsOf: signature.headersToAdd)

        return HTTPRequest(
            method: request.method, scheme: endpoint.scheme, host: host, port: endpoint.port,
            path: path, query: request.query, headers: headers,
            body: request.body.isEmpty ? .empty : .bytes(request.body))
    }

    /// The error a response carries, or nil for a success.
    private func responseError(
        _ response: HTTPResponse, request: AWSRequest, format: AWSErrorFormat
    ) -> AWSError? {
        if (200..<300).contains(response.status) {
            guard request.errorMayHideIn200, !response.body.isEmpty,
                let root = XMLTree.parse(response.body), root.name == "Error"
            else { return nil }
            var copy = response
            copy.status = 500
            return AWSErrorParser.xmlError(copy)
        }
        switch format {
        case .json: return AWSErrorParser.jsonError(response)
        case .xml: return AWSErrorParser.xmlError(response)
        }
    }

    /// Stores the server's clock offset when `code` is a skew error and the response's
    /// `Date` shows our signing time was off; returns whether it was.
    private func learnClockSkew(code: String?, response: HTTPResponse, signedAt: Date) -> Bool {
        guard RetryPolicy.isClockSkewError(code: code),
            let serverDate = response.header("Date"),
            RetryPolicy.isClockSkewed(serverDate: serverDate, localNow: signedAt),
            let offset = RetryPolicy.clockSkew(serverDate: serverDate, localNow: clock())
        else { return false }
        lock.withLock { clockOffset = offset }
        return true
    }
}

/// Whether a streamed body has started; written by the transport's thread only.
private final class SinkProgress: @unchecked Sendable {
    var started = false
}
