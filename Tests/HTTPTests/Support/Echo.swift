import BunkerHTTP
import Foundation

/// What the echo server saw, decoded from its JSON reply.
struct Echo: Decodable {
    let method: String
    let path: String
    let headers: [[String]]
    let bodyLength: Int
    let bodySum: Int
    let bodyTail: [UInt8]
    let clientPort: Int

    init(_ response: HTTPResponse) throws {
        self = try JSONDecoder().decode(Echo.self, from: response.body)
    }

    /// Header names as received, in order.
    var headerNames: [String] {
        headers.compactMap(\.first)
    }

    /// The first value of a header, compared case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.first?.lowercased() == name.lowercased() }?.last
    }
}

/// `count` bytes of a repeating pattern, with their byte sum.
func patternBytes(_ count: Int) -> Data {
    Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
}

struct SinkFailure: Error {}
