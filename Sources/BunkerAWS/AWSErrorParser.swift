import BunkerHTTP
import Foundation

/// Turns AWS error responses into ``AWSError/service(code:message:status:requestId:)``.
///
/// Messages are cut to 512 characters; the body itself is never kept.
public enum AWSErrorParser {
    private static let messageLimit = 512

    /// An error from a JSON-protocol response (Secrets Manager, KMS).
    ///
    /// The code is `__type` (or `code`/`Code`, or the `x-amzn-ErrorType` header) with any
    /// prefix up to `#` and any suffix from `:` removed; the message is `message` or
    /// `Message`. Falls back to `HTTP<status>` when the body says nothing.
    public static func jsonError(_ response: HTTPResponse) -> AWSError {
        var code: String?
        var message = ""
        if let object = try? JSONSerialization.jsonObject(with: response.body),
            let dictionary = object as? [String: Any]
        {
            code = (dictionary["__type"] ?? dictionary["code"] ?? dictionary["Code"]) as? String
            message = (dictionary["message"] ?? dictionary["Message"]) as? String ?? ""
        }
        if code == nil || code?.isEmpty == true {
            code = response.header("x-amzn-ErrorType")
        }
        return .service(
            code: normalize(code) ?? fallbackCode(status: response.status),
            message: clip(message), status: response.status,
            requestId: response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id"))
    }

    /// An error from an S3 (REST-XML) response: `<Error><Code>…<Message>…<RequestId>…`.
    ///
    /// Responses without a body (HEAD) get a code from the status: `NotFound`,
    /// `Forbidden`, `BadRequest`, `PreconditionFailed`, `NotModified`, else `HTTP<status>`.
    public static func xmlError(_ response: HTTPResponse) -> AWSError {
        let root = response.body.isEmpty ? nil : XMLTree.parse(response.body)
        let error = root?.name == "Error" ? root : root?.child("Error")
        let code = error?.childText("Code")
        let message = error?.childText("Message") ?? ""
        let requestId = response.header("x-amz-request-id") ?? error?.childText("RequestId")
        return .service(
            code: normalize(code) ?? fallbackCode(status: response.status),
            message: clip(message), status: response.status, requestId: requestId)
    }

    /// `prefix#Code:uri` reduced to `Code`; nil for empty input.
    static func normalize(_ code: String?) -> String? {
        guard var text = code?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return nil
        }
        if let hash = text.lastIndex(of: "#") {
            text = String(text[text.index(after: hash)...])
        }
        if let colon = text.firstIndex(of: ":") {
            text = String(text[..<colon])
        }
        return text.isEmpty ? nil : text
    }

    static func fallbackCode(status: Int) -> String {
        switch status {
        case 304: return "NotModified"
        case 400: return "BadRequest"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 412: return "PreconditionFailed"
        default: return "HTTP\(status)"
        }
    }

    private static func clip(_ message: String) -> String {
        message.count <= messageLimit ? message : String(message.prefix(messageLimit)) + "…"
    }
}
