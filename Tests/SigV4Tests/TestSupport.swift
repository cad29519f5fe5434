import BunkerCrypto
import Foundation

@testable import SigV4

/// Lower-case hex SHA-256 of a string's UTF-8 bytes.
func sha256Hex(_ text: String) -> String {
    SHA256.hexDigest(text)
}

/// A query as sorted, percent-decoded `key=value` strings, for comparison by meaning.
func decodedQuery(_ query: String) -> [String] {
    query.split(separator: "&").map { piece -> String in
        let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = String(decoding: AWSURIEncoding.decode(parts[0]), as: UTF8.self)
        let value = parts.count > 1
            ? String(decoding: AWSURIEncoding.decode(parts[1]), as: UTF8.self) : ""
        return key + "=" + value
    }.sorted()
}

/// Headers as sorted `lower-case-name:value` strings, for comparison by meaning.
func headerLines(_ headers: [(name: String, value: String)]) -> [String] {
    headers.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
}

/// The `Credential`, `SignedHeaders` and `Signature` parts of an `Authorization` value,
/// whatever the spacing after the commas.
func authorizationParts(_ value: String) -> [String: String] {
    let prefix = SigV4Constants.algorithm + " "
    guard value.hasPrefix(prefix) else { return [:] }
    var parts: [String: String] = ["algorithm": SigV4Constants.algorithm]
    for item in value.dropFirst(prefix.count).split(separator: ",") {
        let pair = item.trimmingCharacters(in: .whitespaces)
            .split(separator: "=", maxSplits: 1)
        if pair.count == 2 { parts[String(pair[0])] = String(pair[1]) }
    }
    return parts
}

/// A fixed signing time: 2015-08-30T12:36:00Z.
let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)

/// The generic suite's credentials, without and with a session token.
let suiteCredentials = SigV4Credentials(
    accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
