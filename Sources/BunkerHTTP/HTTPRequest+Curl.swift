import Foundation

extension HTTPRequest {
    /// The URL without its query string, for log lines and error messages.
    ///
    /// The query is left out because presigned URLs carry signatures and
    /// session tokens there.
    public var loggableURL: String {
        "\(scheme.lowercased())://\(authority)\(path)"
    }

    /// The URL handed to libcurl. IPv6 literal hosts are put in brackets.
    var curlURL: String {
        loggableURL + (query.isEmpty ? "" : "?\(query)")
    }

    private var authority: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return port.map { "\(shownHost):\($0)" } ?? shownHost
    }

    /// Checks that the request can go on the wire exactly as described.
    ///
    /// - Throws: ``HTTPError/invalidRequest(_:)`` naming the bad part (never a header value).
    func validateForCurl() throws {
        guard ["http", "https"].contains(scheme.lowercased()) else {
            throw HTTPError.invalidRequest("scheme must be http or https, not \"\(scheme)\"")
        }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy(Self.isHostCharacter) else {
            throw HTTPError.invalidRequest("host \"\(host)\" is empty or has invalid characters")
        }
        if let port, !(1...65535).contains(port) {
            throw HTTPError.invalidRequest("port \(port) is outside 1...65535")
        }
        guard !method.isEmpty, method.unicodeScalars.allSatisfy(Self.isTokenCharacter) else {
            throw HTTPError.invalidRequest("method \"\(method)\" is not a valid HTTP token")
        }
        try validateTarget()
        try validateHeaders()
    }

    private func validateTarget() throws {
        let pathOK = path.hasPrefix("/") && path.unicodeScalars.allSatisfy {
            Self.isVisibleASCII($0) && $0 != "?" && $0 != "#"
        }
        guard pathOK else {
            throw HTTPError.invalidRequest(
                "path must start with / and be percent-encoded visible ASCII without ? or #"
            )
        }
        let queryOK = query.unicodeScalars.allSatisfy { Self.isVisibleASCII($0) && $0 != "#" }
        guard queryOK else {
            throw HTTPError.invalidRequest("query must be percent-encoded visible ASCII without #")
        }
    }

    private func validateHeaders() throws {
        for (name, value) in headers {
            guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isTokenCharacter) else {
                throw HTTPError.invalidRequest("header name \"\(name)\" is not a valid HTTP token")
            }
            let valueOK = value.unicodeScalars.allSatisfy {
                $0 == "\t" || ($0.value >= 0x20 && $0.value != 0x7F)
            }
            guard valueOK else {
                throw HTTPError.invalidRequest(
                    "header \(name) has a control character in its value"
                )
            }
            switch name.lowercased() {
            case "transfer-encoding":
                throw HTTPError.invalidRequest(
                    "Transfer-Encoding is not allowed; bodies are always sent with a length"
                )
            case "content-length" where value != String(body.count):
                throw HTTPError.invalidRequest(
                    "Content-Length header does not match the body size \(body.count)"
                )
            default:
                break
            }
        }
    }

    /// The lines for `CURLOPT_HTTPHEADER`: the caller's headers in order, then
    /// blank overrides that stop libcurl adding `Expect`, `Accept` and a form
    /// `Content-Type` of its own.
    var curlHeaderLines: [String] {
        var lines = headers.map { header in
            // "Name;" is libcurl's spelling for a header sent with an empty value.
            header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
        }
        let given = Set(headers.map { $0.name.lowercased() })
        for name in ["Expect", "Accept", "Content-Type"] where !given.contains(name.lowercased()) {
            lines.append("\(name):")
        }
        return lines
    }

    private static func isVisibleASCII(_ scalar: Unicode.Scalar) -> Bool {
        (0x21...0x7E).contains(scalar.value)
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            || ".-_:".unicodeScalars.contains(scalar))
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) { return true }
        if ("0"..."9").contains(scalar) { return true }
        return "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar)
    }
}
