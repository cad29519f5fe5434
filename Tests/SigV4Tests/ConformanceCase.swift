import Foundation
import Testing

@testable import SigV4

/// Failures while loading the conformance data; each says what to fix.
enum ConformanceError: Error, CustomStringConvertible {
    case folderMissing(String)
    case fileUnreadable(String)
    case malformed(String, reason: String)

    var description: String {
        switch self {
        case .folderMissing(let path):
            return "conformance folder \(path) is missing: the SigV4 vectors must sit in "
                + "shared/conformance/sigv4 next to the repository (see its README), or set "
                + "BUNKER_SHARED_DIR to the shared folder"
        case .fileUnreadable(let path):
            return "cannot read \(path) as UTF-8 text; restore it from the upstream copy"
        case .malformed(let path, let reason):
            return "\(path) is malformed: \(reason)"
        }
    }
}

/// Where the shared conformance data lives: `shared/conformance` in the repository's parent
/// directory, or `$BUNKER_SHARED_DIR/conformance` for a checkout kept elsewhere.
enum ConformanceData {
    static let root: URL = {
        if let shared = ProcessInfo.processInfo.environment["BUNKER_SHARED_DIR"], !shared.isEmpty {
            return URL(fileURLWithPath: shared).appendingPathComponent("conformance")
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // SigV4Tests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // repository
            .deletingLastPathComponent()  // its parent
            .appendingPathComponent("shared/conformance")
    }()

    static let sigv4 = root.appendingPathComponent("sigv4")

    /// The case folder names of the generic suite, sorted; empty when the folder is missing
    /// (a dedicated test then fails with the reason).
    static let sigv4CaseNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sigv4.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let path = sigv4.appendingPathComponent(name).path
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }()

    static func text(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path),
            let text = String(data: data, encoding: .utf8)
        else { throw ConformanceError.fileUnreadable(url.path) }
        return text
    }
}

/// `context.json` of one case.
struct CaseContext: Decodable {
    struct Credentials: Decodable {
        let accessKeyId: String
        let secretAccessKey: String
        let token: String?

        enum CodingKeys: String, CodingKey {
            case accessKeyId = "access_key_id"
            case secretAccessKey = "secret_access_key"
            case token
        }
    }

    let credentials: Credentials
    let expirationInSeconds: Int
    let normalize: Bool
    let omitSessionToken: Bool?
    let region: String
    let service: String
    let signBody: Bool
    let timestamp: String

    enum CodingKeys: String, CodingKey {
        case credentials, normalize, region, service, timestamp
        case expirationInSeconds = "expiration_in_seconds"
        case omitSessionToken = "omit_session_token"
        case signBody = "sign_body"
    }
}

/// A raw HTTP/1.1 request as written in `request.txt` and `*-signed-request.txt`.
struct RawRequest {
    var method: String
    var path: String
    var query: String
    var headers: [(name: String, value: String)]
    var body: String

    /// Parses the suite's format: everything between the first space and the final
    /// ` HTTP/1.1` is the target; a line starting with whitespace continues the previous
    /// header; the body follows the first empty line.
    init(parsing text: String, source: String) throws {
        let head: Substring
        if let blank = text.range(of: "\n\n") {
            head = text[..<blank.lowerBound]
            body = String(text[blank.upperBound...])
        } else {
            head = text.hasSuffix("\n") ? text.dropLast() : text[...]
            body = ""
        }

        var lines = head.split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else {
            throw ConformanceError.malformed(source, reason: "no request line")
        }
        let requestLine = lines.removeFirst()
        guard let space = requestLine.firstIndex(of: " ") else {
            throw ConformanceError.malformed(source, reason: "request line has no space")
        }
        method = String(requestLine[..<space])
        var target = requestLine[requestLine.index(after: space)...]
        if target.hasSuffix(" HTTP/1.1") {
            target = target.dropLast(" HTTP/1.1".count)
        }
        if let mark = target.firstIndex(of: "?") {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = String(target)
            query = ""
        }

        headers = []
        for line in lines {
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw ConformanceError.malformed(source, reason: "header line without ':'")
            }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
    }
}

/// One case folder, loaded.
struct ConformanceCase {
    let name: String
    let context: CaseContext
    let request: RawRequest
    private let folder: URL

    init(name: String) throws {
        folder = ConformanceData.sigv4.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw ConformanceError.folderMissing(folder.path)
        }
        self.name = name

        let contextURL = folder.appendingPathComponent("context.json")
        do {
            context = try JSONDecoder().decode(
                CaseContext.self, from: Data(ConformanceData.text(contextURL).utf8))
        } catch let error as ConformanceError {
            throw error
        } catch {
            throw ConformanceError.malformed(contextURL.path, reason: "\(error)")
        }

        let requestURL = folder.appendingPathComponent("request.txt")
        request = try RawRequest(
            parsing: ConformanceData.text(requestURL), source: requestURL.path)
    }

    /// The contents of `<mode>-<suffix>`, e.g. `file("header", "signature.txt")`.
    func file(_ mode: String, _ suffix: String) throws -> String {
        try ConformanceData.text(folder.appendingPathComponent("\(mode)-\(suffix)"))
    }

    var credentials: SigV4Credentials {
        SigV4Credentials(
            accessKeyId: context.credentials.accessKeyId,
            secretAccessKey: context.credentials.secretAccessKey,
            sessionToken: context.credentials.token)
    }

    var options: SigV4Options {
        SigV4Options(
            normalizePath: context.normalize, encodePath: true,
            addContentSHA256Header: context.signBody,
            omitSessionToken: context.omitSessionToken ?? false)
    }

    var payloadHash: String {
        context.signBody ? sha256Hex(request.body) : SigV4Constants.emptyPayloadHash
    }

    var signRequest: SigV4Request {
        SigV4Request(
            method: request.method, path: request.path, query: request.query,
            headers: request.headers)
    }

    func date() throws -> Date {
        guard let date = ISO8601DateFormatter().date(from: context.timestamp) else {
            throw ConformanceError.malformed(name, reason: "bad timestamp")
        }
        return date
    }
}
