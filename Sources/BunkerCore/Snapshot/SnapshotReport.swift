/// The outcome of one `bunker snapshot` run, printed as text or JSON.
public struct SnapshotReport: Codable, Equatable, Sendable {
    public var id: String
    public var time: String
    public var secretCount: Int
    public var versionCount: Int
    public var failedSecretCount: Int
    public var size: Int
    public var partial: Bool
    /// Secrets that could not be captured: names and error codes, never values.
    public var failures: [Manifest.Failure]
    /// Versions whose values came from an earlier snapshot.
    public var carriedForwardVersions: Int
    /// Versions recorded without a value.
    public var unavailableVersions: Int
    /// Requests sent to Secrets Manager (including retries).
    public var secretsManagerRequests: Int
    public var seconds: Double
}
