/// Builds the canonical headers and signed-headers lines of a canonical request.
struct CanonicalHeaders {
    /// Lower-case name to the values in the order they were given.
    private var valuesByName: [String: [String]] = [:]

    /// Headers from a request, minus the never-signed ones and `excluding` (lower-case).
    init(_ headers: [(name: String, value: String)], excluding: Set<String>) {
        for header in headers {
            let name = header.name.lowercased()
            if SigV4Constants.unsignedHeaderNames.contains(name) || excluding.contains(name) {
                continue
            }
            add(name: name, value: header.value)
        }
    }

    /// Adds one header; a repeated name keeps its values in order.
    mutating func add(name: String, value: String) {
        valuesByName[name.lowercased(), default: []].append(Self.trimmed(value))
    }

    /// The sorted lower-case names joined with `;`.
    var signedHeaders: String {
        sortedNames.joined(separator: ";")
    }

    /// One `name:value\n` line per name, sorted by name; repeated values joined with `,`.
    var block: String {
        sortedNames
            .map { "\($0):\(valuesByName[$0, default: []].joined(separator: ","))\n" }
            .joined()
    }

    private var sortedNames: [String] {
        valuesByName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Leading and trailing whitespace removed and inner runs reduced to one space.
    static func trimmed(_ value: String) -> String {
        var out = [UInt8]()
        var pendingSpace = false
        for byte in value.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
