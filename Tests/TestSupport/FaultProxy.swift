import BunkerHTTP
import Foundation

/// `scripts/fault_proxy.py` running between the code under test and moto.
///
/// Point `AWS_ENDPOINT_URL` at ``endpoint``; set rules with ``setRules(_:)``. Stopped when
/// the object goes away.
public final class FaultProxy: @unchecked Sendable {
    // @unchecked Sendable: every stored property is set once in init.

    /// One rule; see the script's documentation for the faults.
    public struct Rule: Encodable, Sendable {
        public var service: String?
        public var action: String?
        public var fault: String
        public var count: Int
        public var after: Int
        public var secret: String?
        public var bodyContains: String?
        public var seconds: Int?
        public var afterForward: Bool?
        public var status: Int?
        public var code: String?

        /// A rule firing for the first `count` matches (-1: forever) after `after` matches.
        public init(
            service: String? = nil, action: String? = nil, fault: String, count: Int = -1,
            after: Int = 0, secret: String? = nil, bodyContains: String? = nil,
            seconds: Int? = nil, afterForward: Bool? = nil, status: Int? = nil,
            code: String? = nil
        ) {
            self.service = service
            self.action = action
            self.fault = fault
            self.count = count
            self.after = after
            self.secret = secret
            self.bodyContains = bodyContains
            self.seconds = seconds
            self.afterForward = afterForward
            self.status = status
            self.code = code
        }
    }

    /// What the proxy did so far.
    public struct Stats: Decodable, Sendable {
        public let forwarded: Int
        public let injected: [String: Int]

        /// Injected faults in all.
        public var injectedTotal: Int { injected.values.reduce(0, +) }
    }

    /// The proxy's URL, `http://127.0.0.1:PORT`.
    public let endpoint: String
    private let port: Int
    private let pid: pid_t
    private let transport = CurlTransport()

    /// Starts a proxy in front of `world`'s moto.
    public init(world: MotoWorld) throws {
        let portFile = world.runDirectory
            .appendingPathComponent("fault-proxy-\(UUID().uuidString).port").path
        pid = try ChildProcess.start(
            world.python,
            [world.repository.appendingPathComponent("scripts/fault_proxy.py").path,
             world.endpoint, portFile],
            environment: world.adminEnvironment)

        var found: Int?
        for _ in 0..<100 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                found = value
                break
            }
            usleep(100_000)
        }
        try? FileManager.default.removeItem(atPath: portFile)
        guard let found else {
            ChildProcess.stop(pid)
            throw MotoWorldError.failed("fault_proxy.py", "it did not report a port in 10 s")
        }
        port = found
        endpoint = "http://127.0.0.1:\(found)"
    }

    deinit {
        ChildProcess.stop(pid)
    }

    /// Replaces every rule (and resets the counters).
    public func setRules(_ rules: [Rule]) throws {
        let body = try JSONEncoder().encode(rules)
        _ = try control("PUT", "/__fault/rules", body: body)
    }

    /// The counters since the last ``setRules(_:)``.
    public func stats() throws -> Stats {
        try JSONDecoder().decode(Stats.self, from: control("GET", "/__fault/stats"))
    }

    /// `environment` with every AWS endpoint pointed at the proxy.
    public func route(_ environment: [String: String]) -> [String: String] {
        var routed = environment
        routed["AWS_ENDPOINT_URL"] = endpoint
        return routed
    }

    private func control(_ method: String, _ path: String, body: Data = Data()) throws -> Data {
        let request = HTTPRequest(
            method: method, scheme: "http", host: "127.0.0.1", port: port, path: path,
            headers: [("Host", "127.0.0.1:\(port)"), ("Content-Type", "application/json")],
            body: body.isEmpty ? .empty : .bytes(body))
        let response = try transport.send(request, bodySink: nil)
        guard response.status == 200 else {
            throw MotoWorldError.failed("fault proxy \(path)", "HTTP \(response.status)")
        }
        return response.body
    }
}
