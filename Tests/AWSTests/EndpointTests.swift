import Foundation
import Testing
@testable import BunkerAWS

@Suite struct EndpointResolverTests {
    struct Case: Sendable, CustomStringConvertible {
        var env: [String: String]
        var service: AWSService
        var region: String
        var expected: String
        var custom: Bool
        var description: String { "\(service) \(env) -> \(expected)" }
    }

    static let cases: [Case] = [
        Case(env: [:], service: .secretsManager, region: "eu-west-1",
            expected: "https://secretsmanager.eu-west-1.amazonaws.com", custom: false),
        Case(env: [:], service: .kms, region: "cn-north-1",
            expected: "https://kms.cn-north-1.amazonaws.com.cn", custom: false),
        Case(env: [:], service: .s3, region: "us-east-1",
            expected: "https://s3.us-east-1.amazonaws.com", custom: false),
        Case(env: [:], service: .iam, region: "us-east-1",
            expected: "https://iam.amazonaws.com", custom: false),
        Case(env: ["AWS_ENDPOINT_URL": "http://localhost:5000"], service: .kms,
            region: "us-east-1", expected: "http://localhost:5000", custom: true),
        Case(env: ["AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://b:2"],
            service: .secretsManager, region: "us-east-1", expected: "http://b:2", custom: true),
        Case(env: ["AWS_ENDPOINT_URL": "http://a:1", "AWS_ENDPOINT_URL_SECRETS_MANAGER": "http://b:2"],
            service: .s3, region: "us-east-1", expected: "http://a:1", custom: true),
        Case(env: ["AWS_ENDPOINT_URL_S3": "https://minio.local/"], service: .s3,
            region: "us-east-1", expected: "https://minio.local", custom: true),
        Case(env: ["AWS_ENDPOINT_URL": "http://a:1", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"],
            service: .sts, region: "us-west-2", expected: "https://sts.us-west-2.amazonaws.com",
            custom: false),
    ]

    @Test(arguments: cases) func resolves(_ item: Case) throws {
        let endpoint = try EndpointResolver(environment: item.env)
            .endpoint(for: item.service, region: item.region)
        #expect(endpoint.description == item.expected)
        #expect(endpoint.isCustom == item.custom)
    }

    @Test func configFileEndpointsAndServicesSection() throws {
        let config = INIFile(text: """
            [default]
            endpoint_url = http://profile:1
            services = local
            [services local]
            s3 =
              endpoint_url = http://s3local:9000
            """)
        let shared = SharedConfig(configFile: config, credentialsFile: nil)
        let resolver = EndpointResolver(environment: [:], configFile: shared)
        #expect(try resolver.endpoint(for: .s3, region: "x").description == "http://s3local:9000")
        #expect(try resolver.endpoint(for: .kms, region: "x").description == "http://profile:1")
        let env = EndpointResolver(
            environment: ["AWS_ENDPOINT_URL": "http://env:2"], configFile: shared)
        #expect(try env.endpoint(for: .s3, region: "x").description == "http://env:2")
    }

    @Test func invalidURLIsAConfigurationError() {
        #expect(throws: AWSError.self) {
            try EndpointResolver(environment: ["AWS_ENDPOINT_URL": "localhost"])
                .endpoint(for: .kms, region: "us-east-1")
        }
    }

    @Test func regionOrder() {
        #expect(AWSRegion.resolve(environment: ["AWS_REGION": "a", "AWS_DEFAULT_REGION": "b"]) == "a")
        #expect(AWSRegion.resolve(environment: ["AWS_DEFAULT_REGION": "b"]) == "b")
        #expect(AWSRegion.resolve(environment: [:]) == nil)
    }

    @Test func s3AddressingStyle() {
        let aws = EndpointResolver.defaultEndpoint(for: .s3, region: "eu-west-1")
        let virtual = S3Address.make(endpoint: aws, region: "eu-west-1", bucket: "my-bucket", key: "a b")
        #expect(virtual.host == "my-bucket.s3.eu-west-1.amazonaws.com")
        #expect(virtual.path == "/a%20b")
        let dotted = S3Address.make(endpoint: aws, region: "eu-west-1", bucket: "my.bucket", key: "k")
        #expect(dotted.host == nil)
        #expect(dotted.path == "/my.bucket/k")
        let custom = AWSEndpoint(scheme: "http", host: "localhost", port: 5000, isCustom: true)
        let path = S3Address.make(endpoint: custom, region: "us-east-1", bucket: "bkt", key: nil)
        #expect(path.host == nil)
        #expect(path.path == "/bkt")
    }
}
