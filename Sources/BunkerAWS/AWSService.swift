/// The AWS services Bunker talks to, with the names each configuration layer uses.
public enum AWSService: String, Sendable, CaseIterable {
    case secretsManager = "secretsmanager"
    case kms
    case s3
    case sts
    case sns
    case iam

    /// The SigV4 signing name and endpoint prefix (`secretsmanager`, `kms`, …).
    public var signingName: String { rawValue }

    /// The suffix of `AWS_ENDPOINT_URL_<SUFFIX>`.
    public var environmentSuffix: String {
        self == .secretsManager ? "SECRETS_MANAGER" : rawValue.uppercased()
    }

    /// The key of the service inside a config-file `[services …]` section.
    public var configKey: String {
        self == .secretsManager ? "secrets_manager" : rawValue
    }

    /// Whether the service has one global endpoint instead of one per region.
    var isGlobal: Bool { self == .iam }
}
