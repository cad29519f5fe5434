import Foundation
import Testing

@testable import SigV4

/// The aws-c-auth SigV4 suite (`shared/conformance/sigv4`), header and query signing.
@Suite("SigV4 conformance suite")
struct ConformanceTests {
    @Test("conformance folder is present with all 28 cases")
    func suite_isPresent() throws {
        let path = ConformanceData.sigv4.path
        try #require(
            FileManager.default.fileExists(atPath: path),
            "\(ConformanceError.folderMissing(path))")
        #expect(ConformanceData.sigv4CaseNames.count == 28)
    }

    @Test("header signing matches byte for byte", arguments: ConformanceData.sigv4CaseNames)
    func headerSigning_matchesVectors(name: String) throws {
        let testCase = try ConformanceCase(name: name)
        let signer = SigV4Signer(
            service: testCase.context.service, region: testCase.context.region)
        let result = signer.sign(
            testCase.signRequest, credentials: testCase.credentials, date: try testCase.date(),
            payloadHash: testCase.payloadHash, options: testCase.options)

        let canonical = try testCase.file("header", "canonical-request.txt")
        #expect(result.canonicalRequest == canonical)
        #expect(result.stringToSign == (try testCase.file("header", "string-to-sign.txt")))
        #expect(result.signature == (try testCase.file("header", "signature.txt")))

        let expected = try RawRequest(
            parsing: testCase.file("header", "signed-request.txt"), source: name)
        #expect(expected.method == testCase.request.method)
        #expect(expected.path == testCase.request.path)
        #expect(decodedQuery(expected.query) == decodedQuery(testCase.request.query))
        #expect(expected.body == testCase.request.body)

        let isAuthorization = { (header: (name: String, value: String)) in
            header.name.lowercased() == "authorization"
        }
        let sent = testCase.request.headers + result.headersToAdd
        #expect(
            headerLines(sent.filter { !isAuthorization($0) })
                == headerLines(expected.headers.filter { !isAuthorization($0) }))

        let expectedAuthorization = expected.headers.first(where: isAuthorization)?.value ?? ""
        let actualAuthorization = sent.first(where: isAuthorization)?.value ?? "missing"
        #expect(
            authorizationParts(actualAuthorization)
                == authorizationParts(expectedAuthorization))
        #expect(authorizationParts(actualAuthorization).count == 4)
    }

    @Test("query signing matches byte for byte", arguments: ConformanceData.sigv4CaseNames)
    func querySigning_matchesVectors(name: String) throws {
        let testCase = try ConformanceCase(name: name)
        let signer = SigV4Signer(
            service: testCase.context.service, region: testCase.context.region)
        let result = signer.presign(
            testCase.signRequest, credentials: testCase.credentials, date: try testCase.date(),
            expiresIn: testCase.context.expirationInSeconds, payloadHash: testCase.payloadHash,
            options: testCase.options)

        let canonical = try testCase.file("query", "canonical-request.txt")
        #expect(result.canonicalRequest == canonical)
        #expect(result.stringToSign == (try testCase.file("query", "string-to-sign.txt")))
        #expect(result.signature == (try testCase.file("query", "signature.txt")))

        let expected = try RawRequest(
            parsing: testCase.file("query", "signed-request.txt"), source: name)
        #expect(expected.method == testCase.request.method)
        #expect(expected.path == testCase.request.path)
        #expect(decodedQuery(result.query) == decodedQuery(expected.query))
        #expect(headerLines(expected.headers) == headerLines(testCase.request.headers))
        #expect(expected.body == testCase.request.body)
    }
}
