import BunkerHTTP
import Foundation
@testable import BunkerAWS

/// Records requests and answers with scripted responses (or errors), in order.
final class FakeTransport: HTTPTransport, @unchecked Sendable {
    enum Reply {
        case response(HTTPResponse)
        case failure(HTTPError)
    }

    private let lock = NSLock()
    private var replies: [Reply]
    private(set) var requests: [HTTPRequest] = []

    init(_ replies: [Reply]) {
        self.replies = replies
    }

    func send(_ request: HTTPRequest, bodySink: ((Data) throws -> Void)?) throws -> HTTPResponse {
        let reply: Reply = lock.withLock {
            requests.append(request)
            return replies.isEmpty ? .response(Self.ok("{}")) : replies.removeFirst()
        }
        switch reply {
        case let .failure(error):
            throw error
        case let .response(response):
            if let bodySink, (200..<300).contains(response.status) {
                try bodySink(response.body)
                return HTTPResponse(status: response.status, headers: response.headers, body: Data())
            }
            return response
        }
    }

    var sentRequests: [HTTPRequest] { lock.withLock { requests } }

    static func ok(_ body: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: 200, headers: headers, body: Data(body.utf8))
    }

    static func status(
        _ status: Int, _ body: String, headers: [(name: String, value: String)] = []
    ) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }
}

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) {
        current = start
    }

    var now: Date { lock.withLock { current } }

    func advance(_ seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}

/// Counts calls and returns credentials that expire `lifetime` seconds after the clock.
final class CountingProvider: CredentialsProvider, @unchecked Sendable {
    private let lock = NSLock()
    private let clock: TestClock
    private let lifetime: TimeInterval?
    private(set) var calls = 0
    var failNext = false

    init(clock: TestClock, lifetime: TimeInterval?) {
        self.clock = clock
        self.lifetime = lifetime
    }

    func credentials() throws -> AWSCredentials {
        let count: Int = try lock.withLock {
            if failNext {
                failNext = false
                throw CredentialsError.sourceFailed(source: "fake", reason: "down")
            }
            calls += 1
            return calls
        }
        return AWSCredentials(
            accessKeyId: "AKID\(count)", secretAccessKey: "secret\(count)",
            sessionToken: lifetime == nil ? nil : "token\(count)",
            expiration: lifetime.map { clock.now.addingTimeInterval($0) })
    }
}

func makeClient(
    _ service: AWSService, transport: HTTPTransport, endpoint: AWSEndpoint? = nil,
    credentials: CredentialsProvider? = nil, clock: TestClock? = nil,
    maxAttempts: Int = 3, observer: RequestObserver? = nil
) -> AWSClient {
    let fixedClock = clock ?? TestClock(Date(timeIntervalSince1970: 1_700_000_000))
    return AWSClient(
        service: service, region: "us-east-1",
        endpoint: endpoint ?? EndpointResolver.defaultEndpoint(for: service, region: "us-east-1"),
        credentials: credentials ?? StaticCredentialsProvider(
            AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI")),
        transport: transport, retryPolicy: RetryPolicy(maxAttempts: maxAttempts),
        observer: observer, clock: { fixedClock.now }, sleep: { _ in }, random: { 0.5 })
}
