import BunkerHTTP
import Foundation
import Testing
@testable import BunkerAWS

@Suite struct INIFileTests {
    @Test func parsesSectionsCommentsAndNestedBlocks() {
        let text = """
            # comment
            [default]
            region = eu-west-1 ; inline comment
            aws_access_key_id=AKIA1
            ; another comment
            [profile dev]
            region = us-east-2
            services = local
            [services local]
            s3 =
              endpoint_url = http://localhost:9000
            secretsmanager =
              endpoint_url = http://localhost:4566
            """
        let file = INIFile(text: text)
        #expect(file.section("default")?["region"] == "eu-west-1")
        #expect(file.section("default")?["aws_access_key_id"] == "AKIA1")
        #expect(file.section("profile dev")?["services"] == "local")
        #expect(file.section("services local")?["s3.endpoint_url"] == "http://localhost:9000")
        #expect(file.section("services local")?["secretsmanager.endpoint_url"]
            == "http://localhost:4566")
    }

    @Test func profileMergesCredentialsOverConfig() {
        let config = INIFile(text: """
            [profile work]
            region = ap-south-1
            aws_access_key_id = FROMCONFIG
            aws_secret_access_key = s1
            [default]
            region = us-west-2
            """)
        let credentials = INIFile(text: """
            [work]
            aws_access_key_id = FROMCREDS
            aws_secret_access_key = s2
            """)
        let shared = SharedConfig(
            profileName: "work", profileIsExplicit: true, configFile: config,
            credentialsFile: credentials)
        #expect(shared.profile["region"] == "ap-south-1")
        #expect(throws: Never.self) {
            let value = try ProfileCredentialsProvider(config: shared).credentials()
            #expect(value.accessKeyId == "FROMCREDS")
        }
        let fallback = SharedConfig(configFile: config, credentialsFile: nil)
        #expect(AWSRegion.resolve(environment: [:], config: fallback) == "us-west-2")
    }

    @Test func loadsFilesFromEnvironmentPaths() throws {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("aws-ini-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let credentialsPath = dir.appendingPathComponent("creds").path
        try "[ops]\naws_access_key_id = AKOPS\naws_secret_access_key = sops\n"
            .write(toFile: credentialsPath, atomically: true, encoding: .utf8)
        let env = [
            "AWS_SHARED_CREDENTIALS_FILE": credentialsPath,
            "AWS_CONFIG_FILE": dir.appendingPathComponent("missing").path,
            "AWS_PROFILE": "ops",
        ]
        let chain = try CredentialsChain.standard(
            environment: env, metadataTransport: FakeTransport([]))
        #expect(try chain.credentials().accessKeyId == "AKOPS")
        #expect(chain.chosenSource == "profile")
    }
}

@Suite struct CredentialsChainTests {
    @Test func environmentComesBeforeProfile() throws {
        let shared = SharedConfig(
            configFile: nil,
            credentialsFile: INIFile(text: "[default]\naws_access_key_id=P\naws_secret_access_key=p"))
        let env = ["AWS_ACCESS_KEY_ID": "E", "AWS_SECRET_ACCESS_KEY": "e", "AWS_SESSION_TOKEN": "t"]
        let chain = try CredentialsChain.standard(
            environment: env, sharedConfig: shared, metadataTransport: FakeTransport([]))
        let value = try chain.credentials()
        #expect(value.accessKeyId == "E")
        #expect(value.sessionToken == "t")
        #expect(chain.chosenSource == "environment")
    }

    @Test func containerComesBeforeIMDS() throws {
        let body = """
            {"AccessKeyId":"ASIACONT","SecretAccessKey":"x","Token":"tok",\
            "Expiration":"2030-01-01T00:00:00Z"}
            """
        let transport = FakeTransport([.response(FakeTransport.ok(body))])
        let env = ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"]
        let chain = try CredentialsChain.standard(
            environment: env, sharedConfig: SharedConfig(configFile: nil, credentialsFile: nil),
            metadataTransport: transport)
        let value = try chain.credentials()
        #expect(value.accessKeyId == "ASIACONT")
        #expect(value.expiration == Date(timeIntervalSince1970: 1_893_456_000))
        let sent = try #require(transport.sentRequests.first)
        #expect(sent.host == "169.254.170.2")
        #expect(sent.path == "/v2/credentials/abc")
    }

    @Test func imdsUsesTokenThenRole() throws {
        let transport = FakeTransport([
            .response(FakeTransport.ok("TOKEN123")),
            .response(FakeTransport.ok("my-role\n")),
            .response(FakeTransport.ok("""
                {"Code":"Success","AccessKeyId":"ASIAIMDS","SecretAccessKey":"y","Token":"t",\
                "Expiration":"2030-01-01T00:00:00Z"}
                """)),
        ])
        let provider = InstanceMetadataCredentialsProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1/"],
            transport: transport)
        #expect(try provider.credentials().accessKeyId == "ASIAIMDS")
        let sent = transport.sentRequests
        #expect(sent.map(\.method) == ["PUT", "GET", "GET"])
        #expect(sent[0].path == "/latest/api/token")
        #expect(sent[0].headers.contains { $0.name == "X-aws-ec2-metadata-token-ttl-seconds" })
        #expect(sent[2].path == "/latest/meta-data/iam/security-credentials/my-role")
        #expect(sent[2].headers.contains { $0 == ("X-aws-ec2-metadata-token", "TOKEN123") })
    }

    @Test func noCredentialsNamesEverySource() throws {
        let env = ["AWS_EC2_METADATA_DISABLED": "true", "AWS_ACCESS_KEY_ID": "ONLYID"]
        let chain = try CredentialsChain.standard(
            environment: env, sharedConfig: SharedConfig(configFile: nil, credentialsFile: nil),
            metadataTransport: FakeTransport([]))
        do {
            _ = try chain.credentials()
            Issue.record("expected an error")
        } catch {
            let text = "\(error)"
            #expect(text.contains("environment variables"))
            #expect(text.contains("AWS_SECRET_ACCESS_KEY is not"))
            #expect(text.contains("profile 'default'"))
            #expect(text.contains("ECS container"))
            #expect(text.contains("AWS_EC2_METADATA_DISABLED"))
        }
    }

    @Test func descriptionsHideSecrets() {
        let value = AWSCredentials(
            accessKeyId: "AKID", secretAccessKey: "SUPERSECRET", sessionToken: "TOKENSECRET")
        var dumped = ""
        dump(value, to: &dumped)
        for text in ["\(value)", String(reflecting: value), dumped] {
            #expect(!text.contains("SUPERSECRET"))
            #expect(!text.contains("TOKENSECRET"))
        }
    }
}

@Suite struct CachingCredentialsTests {
    @Test func refreshesFiveMinutesBeforeExpiry() throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_000_000))
        let base = CountingProvider(clock: clock, lifetime: 3600)
        let cache = CachingCredentialsProvider(wrapping: base, now: { clock.now })

        #expect(try cache.credentials().accessKeyId == "AKID1")
        clock.advance(3600 - 301)
        #expect(try cache.credentials().accessKeyId == "AKID1")
        clock.advance(2)
        #expect(try cache.credentials().accessKeyId == "AKID2")
        #expect(base.calls == 2)
    }

    @Test func keepsValidCredentialsWhenRefreshFails() throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_000_000))
        let base = CountingProvider(clock: clock, lifetime: 600)
        let cache = CachingCredentialsProvider(wrapping: base, now: { clock.now })
        _ = try cache.credentials()
        clock.advance(400)
        base.failNext = true
        #expect(try cache.credentials().accessKeyId == "AKID1")
        clock.advance(300)
        #expect(throws: Never.self) { try cache.credentials() }
        #expect(base.calls == 2)
    }

    @Test func longTermCredentialsAreFetchedOnce() throws {
        let clock = TestClock(Date(timeIntervalSince1970: 0))
        let base = CountingProvider(clock: clock, lifetime: nil)
        let cache = CachingCredentialsProvider(wrapping: base, now: { clock.now })
        DispatchQueue.concurrentPerform(iterations: 50) { _ in _ = try? cache.credentials() }
        clock.advance(86_400 * 365)
        _ = try cache.credentials()
        #expect(base.calls == 1)
    }
}
