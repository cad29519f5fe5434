import Foundation
import Testing

@testable import SigV4

@Suite("Signer behaviour beyond the vectors")
struct SignerBehaviorTests {
    let s3 = SigV4Signer(service: "s3", region: "eu-west-1")
    let generic = SigV4Signer(service: "secretsmanager", region: "eu-west-1")
    let host = ("Host", "bucket.s3.eu-west-1.amazonaws.com")

    /// The canonical URI line (second line) of a canonical request.
    private func canonicalURI(_ canonicalRequest: String) -> Substring {
        canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[1]
    }

    /// The canonical query line (third line) of a canonical request.
    private func canonicalQuery(_ canonicalRequest: String) -> Substring {
        canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2]
    }

    @Test(
        "S3 keeps an encoded key byte-exact: no normalization, no double encoding",
        arguments: [
            "backups/a+b @=~!()/c.json", "dir//double/./dot/../dotdot", "space here/",
            "x/../../y", "ünïcode/€",
        ])
    func s3Key_keptByteExact(key: String) {
        let wirePath = "/" + AWSURIEncoding.encode(key, encodeSlash: false)
        let request = SigV4Request(method: "PUT", path: wirePath, query: "", headers: [host])
        let result = s3.sign(
            request, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash, options: .s3)

        #expect(canonicalURI(result.canonicalRequest) == Substring(wirePath))
        #expect(!result.canonicalRequest.contains("%25"))
    }

    @Test("S3 key characters are encoded as AWS expects")
    func s3Key_encoding() {
        let encoded = AWSURIEncoding.encode("a+b @=~!()/c", encodeSlash: false)
        #expect(encoded == "a%2Bb%20%40%3D~%21%28%29/c")
        #expect(AWSURIEncoding.encode("a/b") == "a%2Fb")
    }

    @Test("S3 escapes bytes left raw and upper-cases existing escapes, once")
    func s3Path_rawBytesEscapedOnce() {
        let request = SigV4Request(
            method: "GET", path: "/test$file.text/a%2fb%3d", query: "", headers: [host])
        let result = s3.sign(
            request, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash, options: .s3)
        #expect(canonicalURI(result.canonicalRequest) == "/test%24file.text/a%2Fb%3D")
    }

    @Test("S3 adds and signs x-amz-content-sha256")
    func s3_signsContentHash() {
        let request = SigV4Request(method: "GET", path: "/k", query: "", headers: [host])
        let result = s3.sign(
            request, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.unsignedPayload, options: .s3)
        #expect(result.headersToAdd.map(\.name)
            == ["X-Amz-Date", "x-amz-content-sha256", "Authorization"])
        #expect(result.canonicalRequest.contains("\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n"))
        #expect(result.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(authorizationParts(result.authorization)["SignedHeaders"]
            == "host;x-amz-content-sha256;x-amz-date")
    }

    @Test("a sub-resource without value (?uploads) is signed as uploads=")
    func emptySubResource_signedWithEmptyValue() {
        let request = SigV4Request(
            method: "POST", path: "/big.tar", query: "uploads", headers: [host])
        let signed = s3.sign(
            request, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash, options: .s3)
        #expect(canonicalQuery(signed.canonicalRequest) == "uploads=")

        let mixed = SigV4Request(
            method: "PUT", path: "/big.tar", query: "uploadId=abc&partNumber=2&tagging",
            headers: [host])
        let signedMixed = s3.sign(
            mixed, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash, options: .s3)
        #expect(canonicalQuery(signedMixed.canonicalRequest)
            == "partNumber=2&tagging=&uploadId=abc")

        let presigned = s3.presign(
            request, credentials: suiteCredentials, date: suiteDate, expiresIn: 60,
            payloadHash: SigV4Constants.unsignedPayload, options: .s3)
        #expect(presigned.query.hasPrefix("uploads&X-Amz-Algorithm="))
        #expect(canonicalQuery(presigned.canonicalRequest).hasSuffix("&uploads="))
    }

    @Test("a continuation token with + / = round-trips through the wire query")
    func continuationToken_roundTrips() {
        let token = "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=+a+b=="
        let wire = "list-type=2&continuation-token=" + AWSURIEncoding.encode(token)
            + "&prefix=" + AWSURIEncoding.encode("backups/2026 01/")
        #expect(!wire.contains("+"))

        let request = SigV4Request(method: "GET", path: "/", query: wire, headers: [host])
        let result = s3.sign(
            request, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash, options: .s3)
        #expect(canonicalQuery(result.canonicalRequest)
            == "continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D"
            + "%2Ba%2Bb%3D%3D&list-type=2&prefix=backups%2F2026%2001%2F")
        #expect(decodedQuery(wire).contains("continuation-token=" + token))
    }

    @Test("a literal + in a wire query is a plus, not a space")
    func literalPlus_isPlus() {
        let request = SigV4Request(method: "GET", path: "/", query: "a=b+c", headers: [host])
        let result = generic.sign(
            request, credentials: suiteCredentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash)
        #expect(canonicalQuery(result.canonicalRequest) == "a=b%2Bc")
    }

    @Test("transport headers (Expect, Transfer-Encoding, …) are never signed")
    func transportHeaders_notSigned() {
        let plain: [(name: String, value: String)] = [host, ("Content-Length", "5")]
        let noisy = plain + [
            ("Expect", "100-continue"), ("Transfer-Encoding", "chunked"),
            ("User-Agent", "curl/8"), ("Connection", "keep-alive"),
            ("X-Amzn-Trace-Id", "Root=1"), ("Authorization", "stale"),
        ]
        let sign = { (headers: [(name: String, value: String)]) in
            generic.sign(
                SigV4Request(method: "PUT", path: "/", query: "", headers: headers),
                credentials: suiteCredentials, date: suiteDate,
                payloadHash: SigV4Constants.emptyPayloadHash)
        }
        let quiet = sign(plain)
        let loud = sign(noisy)
        #expect(loud.signature == quiet.signature)
        #expect(authorizationParts(loud.authorization)["SignedHeaders"]
            == "content-length;host;x-amz-date")
    }

    @Test("a session token is signed as X-Amz-Security-Token in both modes")
    func sessionToken_isSigned() {
        let credentials = SigV4Credentials(
            accessKeyId: "ASIAEXAMPLE", secretAccessKey: "secret", sessionToken: "tok+/=en")
        let request = SigV4Request(
            method: "POST", path: "/", query: "",
            headers: [host, ("X-Amz-Security-Token", "old")])

        let signed = generic.sign(
            request, credentials: credentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash)
        #expect(signed.canonicalRequest.contains("\nx-amz-security-token:tok+/=en\n"))
        #expect(!signed.canonicalRequest.contains("old"))
        #expect(authorizationParts(signed.authorization)["SignedHeaders"]
            == "host;x-amz-date;x-amz-security-token")
        #expect(signed.headersToAdd.contains { $0 == ("X-Amz-Security-Token", "tok+/=en") })

        let omitted = generic.sign(
            request, credentials: credentials, date: suiteDate,
            payloadHash: SigV4Constants.emptyPayloadHash,
            options: SigV4Options(omitSessionToken: true))
        #expect(!omitted.canonicalRequest.contains("x-amz-security-token"))
        #expect(omitted.headersToAdd.contains { $0 == ("X-Amz-Security-Token", "tok+/=en") })

        let presigned = generic.presign(
            SigV4Request(method: "GET", path: "/", query: "", headers: [host]),
            credentials: credentials, date: suiteDate, expiresIn: 900,
            payloadHash: SigV4Constants.unsignedPayload)
        #expect(canonicalQuery(presigned.canonicalRequest)
            .contains("&X-Amz-Security-Token=tok%2B%2F%3Den"))
        #expect(decodedQuery(presigned.query).contains("X-Amz-Security-Token=tok+/=en"))
        #expect(decodedQuery(presigned.query).contains("X-Amz-Signature=" + presigned.signature))
    }

    @Test("credentials print without their secrets")
    func credentials_redactSecrets() {
        let credentials = SigV4Credentials(
            accessKeyId: "ASIAEXAMPLE", secretAccessKey: "very-secret", sessionToken: "tok-123")
        #expect(!"\(credentials)".contains("very-secret"))
        #expect(!"\(credentials)".contains("tok-123"))
        #expect("\(credentials)".contains("ASIAEXAMPLE"))
    }

    @Test(
        "dates format in UTC whatever the locale",
        arguments: [
            (0.0, "19700101T000000Z"), (951_782_400.0, "20000229T000000Z"),
            (946_684_799.999, "19991231T235959Z"), (4_102_444_800.0, "21000101T000000Z"),
            (1_440_938_160.0, "20150830T123600Z"),
        ])
    func dates_formatInUTC(seconds: Double, expected: String) {
        let date = SigV4Date(Date(timeIntervalSince1970: seconds))
        #expect(date.amzDate == expected)
        #expect(date.scopeDate == String(expected.prefix(8)))
    }

    @Test("normalization drops dot segments and empty segments")
    func normalization() {
        #expect(CanonicalPath.normalize("") == "/")
        #expect(CanonicalPath.normalize("//") == "/")
        #expect(CanonicalPath.normalize("/a/./b/../c/") == "/a/c/")
        #expect(CanonicalPath.normalize("/../a") == "/a")
        #expect(CanonicalPath.make("", options: .s3) == "/")
    }
}
