import BunkerHTTP
import Foundation
import Testing
import TestSupport

@Suite("CurlTransport failures")
struct CurlTransportFailureTests {
    @Test func send_toServerThatNeverAnswers_timesOutWithinTheLimit() throws {
        let silent = try SilentServer()
        let transport = CurlTransport(
            configuration: HTTPConfiguration(connectTimeout: 1, requestTimeout: 1)
        )
        let request = HTTPRequest(
            method: "GET", scheme: "http", host: "127.0.0.1", port: silent.port,
            path: "/hang", query: "X-Amz-Signature=deadbeefcafe"
        )
        let started = Date()

        let error = #expect(throws: HTTPError.self) {
            try transport.send(request, bodySink: nil)
        }

        #expect(Date().timeIntervalSince(started) < 3)
        guard case let .timeout(url, seconds) = error else {
            Issue.record("expected .timeout, got \(String(describing: error))")
            return
        }
        #expect(url == "http://127.0.0.1:\(silent.port)/hang")
        #expect(seconds >= 0.9)
        #expect(error?.isRetryable == true)
        #expect(error?.description.contains("deadbeef") == false)
    }

    @Test func send_toClosedPort_failsToConnect() throws {
        let port = try refusedPort()
        let request = HTTPRequest(method: "GET", scheme: "http", host: "127.0.0.1", port: port)

        let error = #expect(throws: HTTPError.self) {
            try CurlTransport().send(request, bodySink: nil)
        }

        guard case let .connect(host, _) = error else {
            Issue.record("expected .connect, got \(String(describing: error))")
            return
        }
        #expect(host == "127.0.0.1:\(port)")
        #expect(error?.isRetryable == true)
    }

    @Test(arguments: [
        HTTPRequest(method: "GET", scheme: "ftp", host: "example.com"),
        HTTPRequest(method: "GET", scheme: "http", host: "evil.com/x"),
        HTTPRequest(method: "GET", scheme: "http", host: "h", path: "no-slash"),
        HTTPRequest(method: "GET", scheme: "http", host: "h", path: "/a#frag"),
        HTTPRequest(method: "GET", scheme: "http", host: "h", path: "/a b"),
        HTTPRequest(method: "G T", scheme: "http", host: "h"),
        HTTPRequest(method: "HEAD", scheme: "http", host: "h", body: .bytes(Data([1]))),
        HTTPRequest(
            method: "GET", scheme: "http", host: "h",
            headers: [(name: "Transfer-Encoding", value: "chunked")]
        ),
        HTTPRequest(
            method: "PUT", scheme: "http", host: "h",
            headers: [(name: "Content-Length", value: "5")], body: .bytes(Data([1]))
        ),
    ])
    func send_invalidRequest_isRejectedBeforeSending(request: HTTPRequest) {
        let error = #expect(throws: HTTPError.self) {
            try CurlTransport().send(request, bodySink: nil)
        }

        guard case .invalidRequest = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
        #expect(error?.isRetryable == false)
    }

    @Test func send_headerWithLineBreak_isRejectedWithoutEchoingTheValue() {
        let request = HTTPRequest(
            method: "GET", scheme: "http", host: "h",
            headers: [(name: "Authorization", value: "token-s3cr3t\r\nX-Injected: 1")]
        )

        let error = #expect(throws: HTTPError.self) {
            try CurlTransport().send(request, bodySink: nil)
        }

        #expect(error?.description.contains("Authorization") == true)
        #expect(error?.description.contains("s3cr3t") == false)
    }
}
