import BunkerHTTP
import Foundation
import Testing
@testable import BunkerAWS

/// Runs only when scripts/moto-up.sh has exported AWS_ENDPOINT_URL and the admin keys.
/// Uses the admin user: this checks the clients and the signer, not the IAM policy.
@Suite struct MotoSmokeTests {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled = environment["AWS_ENDPOINT_URL"] != nil
        && environment["ADMIN_AWS_ACCESS_KEY_ID"] != nil

    private func client(_ service: AWSService) throws -> AWSClient {
        let env = Self.environment
        let credentials = StaticCredentialsProvider(AWSCredentials(
            accessKeyId: env["ADMIN_AWS_ACCESS_KEY_ID"] ?? "",
            secretAccessKey: env["ADMIN_AWS_SECRET_ACCESS_KEY"] ?? ""))
        return try AWSClient.make(
            service: service, environment: env, sharedConfig: nil,
            region: AWSRegion.resolve(environment: env) ?? "us-east-1",
            credentials: credentials, transport: CurlTransport())
    }

    @Test(.enabled(if: enabled)) func listSecretsAndS3RoundTrip() throws {
        let secrets = SecretsManagerClient(client: try client(.secretsManager))
        _ = try secrets.listSecrets(maxResults: 10)

        let s3 = S3Client(client: try client(.s3))
        let bucket = Self.environment["BUNKER_BUCKET"] ?? "bunker-smoke"
        try s3.createBucket(bucket)
        let keys = [
            "smoke/a+b @=~!()/\(UUID().uuidString)",
            "smoke/dots/./x/../y//z/\(UUID().uuidString)",
            "smoke/tail-dot/\(UUID().uuidString)/.",
        ]
        for key in keys {
            let body = Data((0..<1000).map { UInt8($0 % 251) } + Array(key.utf8))
            _ = try s3.putObject(bucket: bucket, key: key, body: body)
            var received = Data()
            _ = try s3.getObject(bucket: bucket, key: key) { received.append($0) }
            #expect(received == body, "\(key)")
            let prefix = String(key[..<key.index(key.startIndex, offsetBy: 12)])
            let listed = try s3.listObjectsV2(bucket: bucket, prefix: prefix)
            #expect(listed.objects.contains { $0.key == key }, "\(key)")
            try s3.deleteObject(bucket: bucket, key: key)
            #expect(try s3.headObject(bucket: bucket, key: key) == nil)
        }
    }
}
