import BunkerHTTP
import Foundation

extension AWSClient {
    /// A client configured the way the AWS CLI would be from `environment` and the shared
    /// files: region (``AWSRegion``), endpoint (``EndpointResolver``) and retry policy
    /// (`AWS_MAX_ATTEMPTS`).
    ///
    /// - Parameters:
    ///   - region: Overrides the configured region.
    ///   - credentials: Usually one ``CachingCredentialsProvider`` around
    ///     ``CredentialsChain/standard(environment:sharedConfig:metadataTransport:)``,
    ///     shared by all clients.
    /// - Throws: ``AWSError/configuration(_:)`` when no region is set or a setting is invalid.
    public static func make(
        service: AWSService, environment: [String: String], sharedConfig: SharedConfig?,
        region: String? = nil, credentials: CredentialsProvider, transport: HTTPTransport,
        observer: RequestObserver? = nil
    ) throws -> AWSClient {
        guard let region = region ?? AWSRegion.resolve(
            environment: environment, config: sharedConfig)
        else {
            throw AWSError.configuration(
                "no region set; set AWS_REGION or `region` in the profile of ~/.aws/config")
        }
        let endpoint = try EndpointResolver(environment: environment, configFile: sharedConfig)
            .endpoint(for: service, region: region)
        let policy: RetryPolicy
        do {
            policy = try RetryPolicy.fromEnvironment(environment)
        } catch {
            throw AWSError.configuration("\(error)")
        }
        return AWSClient(
            service: service, region: region, endpoint: endpoint, credentials: credentials,
            transport: transport, retryPolicy: policy, observer: observer)
    }
}
