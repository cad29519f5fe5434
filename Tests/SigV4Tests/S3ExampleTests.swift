import BunkerCrypto
import Foundation
import Testing

@testable import SigV4

/// `shared/conformance/s3-sigv4-doc-examples/s3-examples.json`.
struct S3Examples: Decodable {
    struct Credentials: Decodable {
        let access_key_id: String
        let secret_access_key: String
    }

    struct Request: Decodable {
        let method: String
        let path: String
        let query: String
        let headers: [[String]]
        let body: String
        let expires_seconds: Int?
    }

    struct Expected: Decodable {
        let canonical_request: String
        let string_to_sign: String
        let signed_headers: String
        let signature: String
        let authorization: String?
        let presigned_url: String?
    }

    struct Example: Decodable {
        let name: String
        let signature_location: String
        let request: Request
        let expected: Expected
    }

    let credentials: Credentials
    let region: String
    let service: String
    let x_amz_date: String
    let signing_key_hex: String
    let examples: [Example]

    static let url = ConformanceData.root
        .appendingPathComponent("s3-sigv4-doc-examples/s3-examples.json")

    static func load() throws -> S3Examples {
        try JSONDecoder().decode(S3Examples.self, from: Data(ConformanceData.text(url).utf8))
    }

    /// Example names, empty when the file is missing (`s3Examples_arePresent` then fails).
    static let names: [String] = (try? load().examples.map(\.name)) ?? []
}

/// 2013-05-24T00:00:00Z, the time of the S3 documentation examples.
let s3ExampleDate = Date(timeIntervalSince1970: 1_369_353_600)

@Suite("S3 documentation examples")
struct S3ExampleTests {
    @Test("the S3 examples file is present with five examples")
    func s3Examples_arePresent() throws {
        let examples = try S3Examples.load()
        #expect(examples.examples.count == 5)
        #expect(SigV4Date(s3ExampleDate).amzDate == examples.x_amz_date)
    }

    @Test("the signing key derivation matches the documented key")
    func signingKey_matchesDocumentedKey() throws {
        let examples = try S3Examples.load()
        let key = SigningKeyCache.derive(
            secret: examples.credentials.secret_access_key, scopeDate: "20130524",
            region: examples.region, service: examples.service)
        #expect(Hex.encode(key) == examples.signing_key_hex)
    }

    @Test("S3 options reproduce the documented signature", arguments: S3Examples.names)
    func s3Signing_matchesExample(name: String) throws {
        let examples = try S3Examples.load()
        let example = try #require(examples.examples.first { $0.name == name })
        let signer = SigV4Signer(service: examples.service, region: examples.region)
        let credentials = SigV4Credentials(
            accessKeyId: examples.credentials.access_key_id,
            secretAccessKey: examples.credentials.secret_access_key)
        let request = SigV4Request(
            method: example.request.method, path: example.request.path,
            query: example.request.query,
            headers: example.request.headers.map { (name: $0[0], value: $0[1]) })

        if example.signature_location == "query" {
            let result = signer.presign(
                request, credentials: credentials, date: s3ExampleDate,
                expiresIn: example.request.expires_seconds ?? 0,
                payloadHash: SigV4Constants.unsignedPayload, options: .s3)
            #expect(result.canonicalRequest == example.expected.canonical_request)
            #expect(result.stringToSign == example.expected.string_to_sign)
            #expect(result.signature == example.expected.signature)
            let url = try #require(example.expected.presigned_url)
            let mark = try #require(url.firstIndex(of: "?"))
            let expectedQuery = String(url[url.index(after: mark)...])
            #expect(decodedQuery(result.query) == decodedQuery(expectedQuery))
        } else {
            let result = signer.sign(
                request, credentials: credentials, date: s3ExampleDate,
                payloadHash: sha256Hex(example.request.body), options: .s3)
            #expect(result.canonicalRequest == example.expected.canonical_request)
            #expect(result.stringToSign == example.expected.string_to_sign)
            #expect(result.signature == example.expected.signature)
            let expected = authorizationParts(try #require(example.expected.authorization))
            #expect(authorizationParts(result.authorization) == expected)
            #expect(expected["SignedHeaders"] == example.expected.signed_headers)
        }
    }
}
