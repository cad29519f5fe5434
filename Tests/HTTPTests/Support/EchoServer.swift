import BunkerHTTP
import Foundation

/// Runs ``echoServerScript`` in a child `python3` process for the life of the object.
final class EchoServer: @unchecked Sendable {
    // @unchecked Sendable: every stored property is set once in init.
    enum StartError: Error {
        case noPort(String)
    }

    /// One server shared by the tests in this process.
    static let shared = Result { try EchoServer() }

    let port: Int
    private let process = Process()
    private let input = Pipe()

    init() throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", echoServerScript]
        process.standardInput = input
        process.standardOutput = output
        try process.run()

        var firstLine = Data()
        while !firstLine.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            firstLine.append(chunk)
        }
        let text = String(decoding: firstLine, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(text) else {
            throw StartError.noPort(text)
        }
        self.port = port
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.terminate()
    }

    /// A request to this server on 127.0.0.1.
    func request(
        _ method: String, _ path: String, query: String = "",
        headers: [(name: String, value: String)] = [], body: HTTPBody = .empty
    ) -> HTTPRequest {
        HTTPRequest(
            method: method, scheme: "http", host: "127.0.0.1", port: port,
            path: path, query: query, headers: headers, body: body
        )
    }
}
