import BunkerHTTP
import Foundation

/// Tries providers in order and sticks with the first one that works.
///
/// A failing provider is skipped and its reason kept; when all fail the error lists every
/// source tried. Once a provider has succeeded, later calls use only that provider (as the
/// AWS SDKs do), so a refresh failure is reported as that provider's error. Thread-safe.
public final class CredentialsChain: CredentialsProvider, @unchecked Sendable {
    /// A named link of the chain.
    public struct Link: Sendable {
        /// A short name for errors and logs ("environment", "IMDSv2", …).
        public var name: String
        /// The provider.
        public var provider: CredentialsProvider

        /// A link from its parts.
        public init(name: String, provider: CredentialsProvider) {
            self.name = name
            self.provider = provider
        }
    }

    private let links: [Link]
    private let lock = NSLock()
    private var chosen: Int?

    /// A chain of `links`, tried in order.
    public init(_ links: [Link]) {
        self.links = links
    }

    /// The name of the link that produced credentials, once one has.
    public var chosenSource: String? {
        lock.withLock { chosen.map { links[$0].name } }
    }

    /// The SDK order: environment variables, shared files profile, container endpoint,
    /// EC2 instance metadata (IMDSv2).
    ///
    /// - Parameters:
    ///   - environment: Usually `ProcessInfo.processInfo.environment`.
    ///   - sharedConfig: The shared files; loaded from `environment` when nil.
    ///   - metadataTransport: Transport for the container and IMDS endpoints; a
    ///     `CurlTransport` with 1 s connect / 2 s total timeouts when nil.
    /// - Throws: ``CredentialsError`` when a shared file exists but cannot be read.
    public static func standard(
        environment: [String: String], sharedConfig: SharedConfig? = nil,
        metadataTransport: HTTPTransport? = nil
    ) throws -> CredentialsChain {
        let config = try sharedConfig ?? SharedConfig.load(environment: environment)
        let transport = metadataTransport ?? CurlTransport(
            configuration: InstanceMetadataCredentialsProvider.transportConfiguration)
        return CredentialsChain([
            Link(name: "environment", provider: EnvironmentCredentialsProvider(
                environment: environment)),
            Link(name: "profile", provider: ProfileCredentialsProvider(config: config)),
            Link(name: "container", provider: ContainerCredentialsProvider(
                environment: environment, transport: transport)),
            Link(name: "IMDSv2", provider: InstanceMetadataCredentialsProvider(
                environment: environment, transport: transport)),
        ])
    }

    /// - Throws: ``CredentialsError/notFound(tried:)`` listing each source and its reason,
    ///   or the chosen provider's own error once one has been chosen.
    public func credentials() throws -> AWSCredentials {
        if let index = lock.withLock({ chosen }) {
            return try links[index].provider.credentials()
        }

        var tried: [(source: String, reason: String)] = []
        for (index, link) in links.enumerated() {
            do {
                let value = try link.provider.credentials()
                lock.withLock { chosen = index }
                return value
            } catch let error as CredentialsError {
                switch error {
                case let .notConfigured(source, reason), let .sourceFailed(source, reason):
                    tried.append((source, reason))
                case let .notFound(inner):
                    tried.append(contentsOf: inner)
                }
            } catch {
                tried.append((link.name, "\(error)"))
            }
        }
        throw CredentialsError.notFound(tried: tried)
    }
}
