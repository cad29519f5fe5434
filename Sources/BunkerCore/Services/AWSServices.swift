import BunkerAWS
import BunkerHTTP
import Foundation

/// The AWS clients of one Bunker run, built once from the environment and shared.
///
/// One credentials chain (environment, shared files, container, instance metadata) is
/// resolved lazily and cached for every client; one libcurl transport is shared, so
/// connections are reused. Clients are made on first use per service and region and kept.
/// Every attempt of every client is reported to the listeners added with
/// ``observe(_:)``. Thread-safe.
public final class AWSServices: @unchecked Sendable {
    private let environment: [String: String]
    private let sharedConfig: SharedConfig
    private let credentials: CredentialsProvider
    private let transport: HTTPTransport
    private let hub = RequestHub()
    private let lock = NSLock()
    private var clients: [String: AWSClient] = [:]

    /// Services configured from `environment` and the AWS shared files it points at.
    ///
    /// - Parameter transport: the HTTP transport; a ``CurlTransport`` when nil.
    /// - Throws: ``AWSError/configuration(_:)`` or ``CredentialsError`` when a shared file
    ///   exists but cannot be read.
    public init(environment: [String: String], transport: HTTPTransport? = nil) throws {
        self.environment = environment
        sharedConfig = try SharedConfig.load(environment: environment)
        let chain = try CredentialsChain.standard(
            environment: environment, sharedConfig: sharedConfig)
        credentials = CachingCredentialsProvider(wrapping: chain)
        self.transport = transport ?? CurlTransport()
    }

    /// Adds a listener called after every attempt of every client (cheap, thread-safe).
    public func observe(_ listener: @escaping RequestObserver) {
        hub.add(listener)
    }

    /// Counts Secrets Manager attempts and tells `pacer` about throttling, so the pace
    /// of the run adapts.
    public func observeSecretsManager(pacer: QuotaPacer) -> RequestCounter {
        let counter = RequestCounter()
        observe { event in
            guard event.service == .secretsManager else { return }
            counter.increment()
            pacer.record(event.operation, throttled: event.isThrottle)
        }
        return counter
    }

    /// The Secrets Manager client of `region`.
    public func secretsManager(region: String) throws -> SecretsManagerClient {
        SecretsManagerClient(client: try client(.secretsManager, region: region))
    }

    /// The KMS client of `region`.
    public func kms(region: String) throws -> KMSClient {
        KMSClient(client: try client(.kms, region: region))
    }

    /// The S3 client of `region`.
    public func s3(region: String) throws -> S3Client {
        S3Client(client: try client(.s3, region: region))
    }

    /// The primary snapshot store of `config`.
    public func primaryStore(_ config: BunkerConfig) throws -> SnapshotStore {
        SnapshotStore(
            s3: try s3(region: config.store.region), bucket: config.store.bucket,
            prefix: config.store.prefix)
    }

    /// A reader for `store` that unwraps data keys with KMS in each key slot's region.
    public func reader(store: SnapshotStore) -> SnapshotReader {
        SnapshotReader(store: store) { [self] region in try kms(region: region) }
    }

    private func client(_ service: AWSService, region: String) throws -> AWSClient {
        let name = "\(service.rawValue)/\(region)"
        return try lock.withLock {
            if let known = clients[name] { return known }
            let made = try AWSClient.make(
                service: service, environment: environment, sharedConfig: sharedConfig,
                region: region, credentials: credentials, transport: transport,
                observer: hub.notify)
            clients[name] = made
            return made
        }
    }
}

/// Counts requests; thread-safe.
public final class RequestCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The number counted so far.
    public var count: Int { lock.withLock { value } }

    func increment() { lock.withLock { value += 1 } }
}

/// Fans one client's request events out to every listener.
private final class RequestHub: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [RequestObserver] = []

    func add(_ listener: @escaping RequestObserver) {
        lock.withLock { listeners.append(listener) }
    }

    func notify(_ event: RequestEvent) {
        for listener in lock.withLock({ listeners }) { listener(event) }
    }
}
