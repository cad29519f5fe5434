import BunkerHTTP
import Foundation
import Testing

@Suite("CurlTransport against a local server")
struct CurlTransportTests {
    let server: EchoServer
    let transport = CurlTransport()

    init() throws {
        server = try EchoServer.shared.get()
    }

    @Test func send_pathWithDotSegments_reachesServerByteForByte() throws {
        let request = server.request("GET", "/a/./b/../c//d%2Bx", query: "k=1%2F2&z")

        let response = try transport.send(request, bodySink: nil)

        #expect(response.status == 200)
        #expect(try Echo(response).path == "/a/./b/../c//d%2Bx?k=1%2F2&z")
    }

    /// libcurl adds `Expect: 100-continue` above 1 MiB unless told not to.
    @Test(arguments: [1 << 20, 2 << 20])
    func send_largePut_hasContentLengthAndNoExpectOrChunking(size: Int) throws {
        let body = patternBytes(size)
        let request = server.request("PUT", "/upload", body: .bytes(body))

        let echo = try Echo(transport.send(request, bodySink: nil))

        #expect(echo.method == "PUT")
        #expect(echo.header("Content-Length") == String(size))
        #expect(echo.header("Expect") == nil)
        #expect(echo.header("Transfer-Encoding") == nil)
        #expect(echo.bodyLength == body.count)
        #expect(echo.bodySum == body.reduce(0) { $0 + Int($1) })
        #expect(echo.bodyTail == Array(body.suffix(8)))
    }

    @Test func send_emptyPut_sendsZeroContentLength() throws {
        let echo = try Echo(transport.send(server.request("PUT", "/empty"), bodySink: nil))

        #expect(echo.method == "PUT")
        #expect(echo.header("Content-Length") == "0")
        #expect(echo.header("Transfer-Encoding") == nil)
        #expect(echo.bodyLength == 0)
    }

    @Test func send_post_sendsOnlyTheGivenHeaders() throws {
        let headers = [
            (name: "Content-Type", value: "application/x-amz-json-1.1"),
            (name: "X-Amz-Target", value: "secretsmanager.ListSecrets"),
            (name: "X-Empty", value: ""),
        ]
        let request = server.request("POST", "/", headers: headers, body: .bytes(Data("{}".utf8)))

        let echo = try Echo(transport.send(request, bodySink: nil))

        #expect(echo.method == "POST")
        #expect(echo.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(echo.header("X-Empty") == "")
        #expect(echo.header("User-Agent") == "bunker/0.1")
        let names = Set(echo.headerNames.map { $0.lowercased() })
        let expected: Set = [
            "host", "user-agent", "content-type", "x-amz-target", "x-empty", "content-length",
        ]
        #expect(names == expected)
    }

    @Test func send_head_returnsHeadersWithoutWaitingForABody() throws {
        let response = try transport.send(server.request("HEAD", "/thing"), bodySink: nil)

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(Int(response.header("content-length") ?? "") ?? 0 > 0)
    }

    @Test func send_delete_usesTheDeleteMethod() throws {
        let echo = try Echo(transport.send(server.request("DELETE", "/thing"), bodySink: nil))

        #expect(echo.method == "DELETE")
        #expect(echo.header("Content-Length") == nil)
    }

    @Test func send_withSinkOn2xx_streamsTheBodyToTheSink() throws {
        var received = Data()

        let response = try transport.send(server.request("GET", "/bytes/300000")) {
            received.append($0)
        }

        #expect(response.status == 200)
        #expect(response.body.isEmpty)
        #expect(received == Data((0..<300_000).map { UInt8($0 % 251) }))
    }

    @Test func send_withSinkOnErrorStatus_collectsTheBodyInstead() throws {
        var sinkCalls = 0

        let response = try transport.send(server.request("GET", "/status/503")) { _ in
            sinkCalls += 1
        }

        #expect(response.status == 503)
        #expect(sinkCalls == 0)
        #expect(String(decoding: response.body, as: UTF8.self).contains("ThrottlingException"))
    }

    @Test func send_whenSinkThrows_abortsAndRethrows() throws {
        var error: HTTPError?
        do {
            _ = try transport.send(server.request("GET", "/bytes/300000")) { _ in
                throw SinkFailure()
            }
        } catch let caught as HTTPError {
            error = caught
        }

        guard case let .aborted(underlying) = error else {
            Issue.record("expected .aborted, got \(String(describing: error))")
            return
        }
        #expect(underlying is SinkFailure)
        #expect(error?.isRetryable == false)
        let next = try transport.send(server.request("GET", "/after"), bodySink: nil)
        #expect(next.status == 200)
    }

    @Test func send_afterInterim100_keepsOnlyTheFinalHeaders() throws {
        let response = try transport.send(server.request("GET", "/continue"), bodySink: nil)

        #expect(response.status == 200)
        #expect(response.header("X-Final") == "yes")
        #expect(response.header("X-Interim") == nil)
        #expect(response.body == Data("final".utf8))
    }

    @Test func send_twiceInARow_reusesTheConnection() throws {
        let first = try Echo(transport.send(server.request("GET", "/one"), bodySink: nil))
        let second = try Echo(transport.send(server.request("GET", "/two"), bodySink: nil))

        #expect(first.clientPort == second.clientPort)
    }

    @Test func send_fromManyThreads_succeeds() throws {
        let statuses = StatusBox()

        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let request = server.request("PUT", "/p\(index)", body: .bytes(patternBytes(4096)))
            statuses.add((try? transport.send(request, bodySink: nil))?.status ?? -1)
        }

        #expect(statuses.values == Array(repeating: 200, count: 16))
    }
}

/// Collects results from concurrent closures.
private final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []

    func add(_ value: Int) {
        lock.withLock { stored.append(value) }
    }

    var values: [Int] {
        lock.withLock { stored }
    }
}
