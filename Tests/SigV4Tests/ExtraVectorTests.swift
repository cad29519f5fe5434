import Foundation
import Testing

@testable import SigV4

/// Single cases from `sigv4-legacy-suite-extra` and `sigv4-smithy-rs-extra`.
@Suite("Extra generic vectors")
struct ExtraVectorTests {
    private func file(_ path: String) throws -> String {
        try ConformanceData.text(ConformanceData.root.appendingPathComponent(path))
    }

    @Test("a repeated query key is sorted by value (legacy suite)")
    func repeatedQueryKey_sortsByValue() throws {
        let folder = "sigv4-legacy-suite-extra/get-vanilla-query-order-value/"
        let request = try RawRequest(
            parsing: file(folder + "get-vanilla-query-order-value.req"), source: folder)
        let result = SigV4Signer(service: "service", region: "us-east-1").sign(
            SigV4Request(
                method: request.method, path: request.path, query: request.query,
                headers: request.headers),
            credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash)

        let canonical = try file(folder + "get-vanilla-query-order-value.creq")
        #expect(result.canonicalRequest == canonical)
        #expect(result.stringToSign == (try file(folder + "get-vanilla-query-order-value.sts")))
        let expected = try file(folder + "get-vanilla-query-order-value.authz")
        #expect(authorizationParts(result.authorization) == authorizationParts(expected))
    }

    @Test("a generic service encodes existing escapes in the path again (smithy-rs)")
    func existingEscapes_areDoubleEncoded() throws {
        let folder = "sigv4-smithy-rs-extra/double-url-encode/"
        let request = try RawRequest(parsing: file(folder + "request.txt"), source: folder)
        let date = Date(timeIntervalSince1970: 1_620_747_645)  // 2021-05-11T15:40:45Z
        let result = SigV4Signer(service: "lambda", region: "us-east-2").sign(
            SigV4Request(
                method: request.method, path: request.path, query: request.query,
                headers: request.headers),
            credentials: suiteCredentials, date: date,
            payloadHash: SigV4Constants.emptyPayloadHash)

        #expect(result.canonicalRequest == (try file(folder + "header-canonical-request.txt")))
        let stringToSign = try file(folder + "header-string-to-sign.txt")
        #expect(result.stringToSign + "\n" == stringToSign)
        #expect(result.signature
            == "4b93abbcc68be32bd64c18e2c71150660ab4c29bbd6c32a383a7517a88fc1804")
    }

    @Test("the signer replaces an X-Amz-Date header already in the request (smithy-rs)")
    func existingAmzDate_isReplaced() throws {
        let folder = "sigv4-smithy-rs-extra/double-encode-path/"
        let request = try RawRequest(parsing: file(folder + "request.txt"), source: folder)
        let date = Date(timeIntervalSince1970: 1_620_747_645)
        let result = SigV4Signer(service: "service", region: "us-east-1").sign(
            SigV4Request(
                method: request.method, path: request.path, query: request.query,
                headers: request.headers),
            credentials: suiteCredentials, date: date,
            payloadHash: SigV4Constants.emptyPayloadHash)

        #expect(result.canonicalRequest == (try file(folder + "header-canonical-request.txt")))
    }
}
