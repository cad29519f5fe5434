import BunkerHTTP
import Foundation
import Testing
@testable import BunkerAWS

@Suite struct ErrorParsingTests {
    @Test func jsonErrorStripsPrefixAndReadsMessage() {
        let response = FakeTransport.status(
            400, #"{"__type":"com.amazonaws.secretsmanager#ResourceNotFoundException","Message":"gone"}"#,
            headers: [("x-amzn-RequestId", "req-1")])
        let error = AWSErrorParser.jsonError(response)
        guard case let .service(code, message, status, requestId) = error else {
            Issue.record("not a service error")
            return
        }
        #expect(code == "ResourceNotFoundException")
        #expect(message == "gone")
        #expect(status == 400)
        #expect(requestId == "req-1")

        let lower = AWSErrorParser.jsonError(FakeTransport.status(
            400, #"{"__type":"ValidationException","message":"bad"}"#))
        #expect(lower.code == "ValidationException")
        #expect("\(lower)".contains("bad"))

        let header = AWSErrorParser.jsonError(FakeTransport.status(
            500, "", headers: [("x-amzn-ErrorType", "InternalFailure:http://internal.amazon.com/")]))
        #expect(header.code == "InternalFailure")
    }

    @Test func s3XMLErrorAndHeadFallback() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>\
            <RequestId>R1</RequestId></Error>
            """
        let error = AWSErrorParser.xmlError(FakeTransport.status(404, xml))
        #expect(error.code == "NoSuchKey")
        #expect("\(error)".contains("R1"))
        #expect(AWSErrorParser.xmlError(FakeTransport.status(404, "")).code == "NotFound")
        #expect(AWSErrorParser.xmlError(FakeTransport.status(412, "")).code == "PreconditionFailed")
        #expect(AWSErrorParser.xmlError(FakeTransport.status(503, "")).code == "HTTP503")
    }

    @Test func listObjectsXMLKeepsOddKeysAndToken() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
            <Name>b</Name><IsTruncated>true</IsTruncated>
            <NextContinuationToken>1a+b/c==</NextContinuationToken>
            <Contents><Key>a+b @=~!() &amp; x</Key><Size>12</Size><ETag>"e1"</ETag>\
            <LastModified>2026-01-02T03:04:05.000Z</LastModified></Contents>
            <Contents><Key>dir//../x</Key><Size>0</Size></Contents>
            </ListBucketResult>
            """
        let page = try S3XML.listPage(Data(xml.utf8))
        #expect(page.isTruncated)
        #expect(page.nextContinuationToken == "1a+b/c==")
        #expect(page.objects.map(\.key) == ["a+b @=~!() & x", "dir//../x"])
        #expect(page.objects[0].size == 12)
        #expect(page.objects[0].etag == "\"e1\"")
        #expect(page.objects[0].lastModified != nil)
    }
}

@Suite struct SecretsManagerDecodingTests {
    @Test func secretBinaryIsDecodedExactlyOnce() throws {
        let nine: [UInt8] = [0, 1, 2, 250, 251, 252, 253, 254, 255]
        let base64Text = Array("QUJDRA==".utf8)
        for raw in [nine, base64Text] {
            let wire = Data(raw).base64EncodedString()
            let transport = FakeTransport([.response(FakeTransport.ok(
                #"{"ARN":"arn:x","Name":"n","VersionId":"v1","SecretBinary":"\#(wire)","#
                    + #""VersionStages":["AWSCURRENT"],"CreatedDate":1.7e9}"#))])
            let client = SecretsManagerClient(client: makeClient(.secretsManager, transport: transport))
            let value = try client.getSecretValue(secretId: "n")
            #expect(value.secretBinary == Data(raw))
            #expect(value.secretString == nil)
            #expect(value.createdDate == Date(timeIntervalSince1970: 1.7e9))
        }
    }

    @Test func listSecretsDecodesEntriesAndSendsJSONProtocol() throws {
        let body = """
            {"SecretList":[{"ARN":"arn:1","Name":"db","RotationEnabled":true,\
            "RotationRules":{"AutomaticallyAfterDays":30},"Tags":[{"Key":"k","Value":"v"}],\
            "SecretVersionsToStages":{"v1":["AWSCURRENT"]},"CreatedDate":1700000000.123,\
            "LastChangedDate":1700000001,"PrimaryRegion":"eu-west-1"}],"NextToken":"nt"}
            """
        let transport = FakeTransport([.response(FakeTransport.ok(body))])
        let client = SecretsManagerClient(client: makeClient(.secretsManager, transport: transport))
        let page = try client.listSecrets(
            filters: [SecretsFilter(key: "name", values: ["db"])], includePlannedDeletion: true,
            maxResults: 50, nextToken: nil)
        #expect(page.nextToken == "nt")
        let entry = try #require(page.secrets.first)
        #expect(entry.name == "db")
        #expect(entry.rotationRules?.automaticallyAfterDays == 30)
        #expect(entry.secretVersionsToStages == ["v1": ["AWSCURRENT"]])
        #expect(entry.tags == [SecretTag(key: "k", value: "v")])

        let sent = try #require(transport.sentRequests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/")
        #expect(sent.host == "secretsmanager.us-east-1.amazonaws.com")
        #expect(sent.headers.contains { $0 == ("X-Amz-Target", "secretsmanager.ListSecrets") })
        #expect(sent.headers.contains { $0 == ("Content-Type", "application/x-amz-json-1.1") })
        #expect(sent.headers.contains { $0.name == "Authorization" })
        guard case let .bytes(json) = sent.body,
            let object = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        else {
            Issue.record("no JSON body")
            return
        }
        #expect(object["IncludePlannedDeletion"] as? Bool == true)
        #expect(object["MaxResults"] as? Int == 50)
        #expect(object["NextToken"] == nil)
    }

    @Test func secretValueNeverPrintsItsValue() {
        let value = SecretValue(arn: "arn:n", name: "n", versionId: "v1", secretString: "CANARY-7f3c", secretBinary: Data("B".utf8))
        var dumped = ""
        dump(value, to: &dumped)
        for text in ["\(value)", String(reflecting: value), dumped] {
            #expect(!text.contains("CANARY"))
        }
    }

    @Test func undecodableResponseDoesNotEchoBody() throws {
        let transport = FakeTransport([.response(FakeTransport.ok(
            #"{"ARN":"arn:n","Name":"n","VersionId":"v1","SecretString":12345678}"#))])
        let client = SecretsManagerClient(client: makeClient(.secretsManager, transport: transport))
        do {
            _ = try client.getSecretValue(secretId: "n")
            Issue.record("expected a decoding failure")
        } catch {
            #expect("\(error)".contains("SecretString"))
            #expect(!"\(error)".contains("12345678"))
        }
    }
}

@Suite struct AWSClientRetryTests {
    @Test func retryResignsWithFreshDateAndCredentials() throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000))
        let provider = CountingProvider(clock: clock, lifetime: nil)
        let transport = FakeTransport([
            .response(FakeTransport.status(500, #"{"__type":"InternalFailure"}"#)),
            .failure(.timeout(url: "x", seconds: 1)),
            .response(FakeTransport.ok(#"{"SecretList":[]}"#)),
        ])
        let events = EventLog()
        let base = makeClient(
            .secretsManager, transport: transport, credentials: provider, clock: clock,
            observer: { events.add($0) })
        let client = AWSClient(
            service: .secretsManager, region: "us-east-1", endpoint: base.endpoint,
            credentials: provider, transport: transport, retryPolicy: RetryPolicy(maxAttempts: 3),
            observer: { events.add($0) }, clock: { clock.now },
            sleep: { clock.advance($0 + 7) }, random: { 0.5 })
        _ = try SecretsManagerClient(client: client).listSecrets()

        let sent = transport.sentRequests
        #expect(sent.count == 3)
        let dates = sent.map { $0.headers.first { $0.name == "X-Amz-Date" }?.value ?? "" }
        #expect(Set(dates).count == 3)
        let auths = sent.map { $0.headers.first { $0.name == "Authorization" }?.value ?? "" }
        #expect(auths[0].contains("Credential=AKID1/"))
        #expect(auths[2].contains("Credential=AKID3/"))
        #expect(events.all.map(\.willRetry) == [true, true, false])
        #expect(events.all.map(\.status) == [500, nil, 200])
    }

    @Test func clockSkewErrorCorrectsLaterSignatures() throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_700_000_000))
        let serverDate = "Tue, 14 Nov 2023 23:13:20 GMT"  // 1_700_003_600: one hour ahead
        let transport = FakeTransport([
            .response(FakeTransport.status(
                403, "<Error><Code>RequestTimeTooSkewed</Code><Message>m</Message></Error>",
                headers: [("Date", serverDate)])),
            .response(FakeTransport.ok("")),
        ])
        let client = makeClient(.s3, transport: transport, clock: clock)
        _ = try S3Client(client: client).deleteObject(bucket: "bucket", key: "k")
        #expect(abs(client.clockCorrection - 3600) < 1)
        let second = transport.sentRequests[1].headers.first { $0.name == "X-Amz-Date" }?.value
        #expect(second == "20231114T231320Z")
    }

    @Test func nonRetryableErrorIsThrownAtOnce() {
        let transport = FakeTransport([.response(FakeTransport.status(
            400, #"{"__type":"ResourceNotFoundException","message":"no"}"#))])
        let client = SecretsManagerClient(client: makeClient(.secretsManager, transport: transport))
        do {
            _ = try client.describeSecret(secretId: "x")
            Issue.record("expected an error")
        } catch let error as AWSError {
            #expect(error.code == "ResourceNotFoundException")
            #expect(transport.sentRequests.count == 1)
        } catch {
            Issue.record("wrong error \(error)")
        }
    }

    @Test func throttlingIsReportedAndExhausts() {
        let throttle = FakeTransport.status(400, #"{"__type":"ThrottlingException"}"#)
        let transport = FakeTransport(Array(repeating: .response(throttle), count: 3))
        let events = EventLog()
        let client = makeClient(
            .kms, transport: transport, maxAttempts: 3, observer: { events.add($0) })
        do {
            _ = try KMSClient(client: client).describeKey(keyId: "k")
            Issue.record("expected an error")
        } catch let error as AWSError {
            guard case let .retriesExhausted(last, attempts) = error else {
                Issue.record("not exhausted: \(error)")
                return
            }
            #expect(attempts == 3)
            #expect(last.code == "ThrottlingException")
        } catch {
            Issue.record("wrong error \(error)")
        }
        #expect(events.all.allSatisfy { $0.isThrottle })
        #expect(events.all.first?.operation == "DescribeKey")
    }
}

@Suite struct S3ClientTests {
    @Test(arguments: ["a+b @=~!()", "dir//x", "./a/../b", "ünï cødé/ok", "x%2Fy"])
    func oddKeysGoOnTheWireAsSigned(_ key: String) throws {
        let transport = FakeTransport([.response(FakeTransport.ok(
            "", headers: [("ETag", "\"e\""), ("x-amz-version-id", "v9")]))])
        let endpoint = AWSEndpoint(scheme: "http", host: "127.0.0.1", port: 5000, isCustom: true)
        let s3 = S3Client(client: makeClient(.s3, transport: transport, endpoint: endpoint))
        let body = Data("hello".utf8)
        let result = try s3.putObject(bucket: "bkt", key: key, body: body, ifNoneMatch: true)
        #expect(result.versionId == "v9")

        let sent = try #require(transport.sentRequests.first)
        #expect(sent.path == "/bkt/" + key.utf8.map { byte -> String in
            let keep = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a)
                || (byte >= 0x61 && byte <= 0x7a) || "-._~/".utf8.contains(byte)
            return keep ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined())
        let headers = Dictionary(
            sent.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(headers["host"] == "127.0.0.1:5000")
        #expect(headers["x-amz-checksum-sha256"] == S3Client.base64SHA256(body))
        #expect(headers["x-amz-sdk-checksum-algorithm"] == "SHA256")
        #expect(headers["if-none-match"] == "*")
        #expect(headers["x-amz-content-sha256"]
            == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
    }

    @Test func listQueryRoundTripsContinuationToken() throws {
        let xml = "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"
        let transport = FakeTransport([.response(FakeTransport.ok(xml))])
        let s3 = S3Client(client: makeClient(.s3, transport: transport))
        _ = try s3.listObjectsV2(bucket: "bucket", prefix: "a b/", continuationToken: "x+y/z==")
        let sent = try #require(transport.sentRequests.first)
        #expect(sent.host == "bucket.s3.us-east-1.amazonaws.com")
        #expect(sent.path == "/")
        #expect(sent.query.contains("continuation-token=x%2By%2Fz%3D%3D"))
        #expect(sent.query.contains("prefix=a%20b%2F"))
    }

    @Test func headObjectReturnsNilOn404AndReadsHeaders() throws {
        let transport = FakeTransport([
            .response(FakeTransport.status(404, "")),
            .response(FakeTransport.ok("", headers: [
                ("Content-Length", "42"), ("ETag", "\"abc\""), ("x-amz-meta-Run", "r1"),
                ("x-amz-checksum-sha256", "c2hh"), ("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT"),
            ])),
        ])
        let s3 = S3Client(client: makeClient(.s3, transport: transport))
        #expect(try s3.headObject(bucket: "bucket", key: "missing") == nil)
        let info = try #require(try s3.headObject(bucket: "bucket", key: "k"))
        #expect(info.size == 42)
        #expect(info.metadata == ["run": "r1"])
        #expect(info.checksumSHA256 == "c2hh")
        #expect(info.lastModified == Date(timeIntervalSince1970: 1_735_689_600))
    }

    @Test func completeMultipartDetectsErrorInside200() throws {
        let errorBody = "<Error><Code>InternalError</Code><Message>try again</Message></Error>"
        let okBody = "<CompleteMultipartUploadResult><ETag>\"f-2\"</ETag></CompleteMultipartUploadResult>"
        let transport = FakeTransport([
            .response(FakeTransport.ok(errorBody)), .response(FakeTransport.ok(okBody)),
        ])
        let s3 = S3Client(client: makeClient(.s3, transport: transport))
        let parts = [
            S3CompletedPart(partNumber: 2, etag: "\"b\"", checksumSHA256: "Y2s="),
            S3CompletedPart(partNumber: 1, etag: "\"a\"", checksumSHA256: "Y2s="),
        ]
        let result = try s3.completeMultipartUpload(
            bucket: "bucket", key: "k", uploadId: "u+1", parts: parts, ifNoneMatch: true)
        #expect(result.etag == "\"f-2\"")
        #expect(transport.sentRequests.count == 2)
        let sent = transport.sentRequests[1]
        #expect(sent.query == "uploadId=u%2B1")
        guard case let .bytes(body) = sent.body else {
            Issue.record("no body")
            return
        }
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.contains("<Part><ETag>&quot;a&quot;</ETag><PartNumber>1</PartNumber>"
            + "<ChecksumSHA256>Y2s=</ChecksumSHA256></Part><Part>"))
    }
}

final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [RequestEvent] = []

    func add(_ event: RequestEvent) {
        lock.withLock { events.append(event) }
    }

    var all: [RequestEvent] { lock.withLock { events } }
}
