import BunkerHTTP
import Foundation
import Testing
import TestSupport
@testable import BunkerAWS

@Suite struct IMDSBlackHoleTests {
    @Test func tokenRequestToSilentEndpointFailsFastNamingHopLimit() throws {
        let server = try SilentServer()
        let provider = InstanceMetadataCredentialsProvider(
            environment: ["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:\(server.port)"],
            transport: CurlTransport(
                configuration: InstanceMetadataCredentialsProvider.transportConfiguration))

        let started = Date()
        do {
            _ = try provider.credentials()
            Issue.record("expected a failure")
        } catch {
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed < 3.5, "took \(elapsed) s")
            #expect("\(error)".contains("HttpPutResponseHopLimit"))
            #expect("\(error)".contains("AWS_EC2_METADATA_DISABLED"))
        }
    }
}
