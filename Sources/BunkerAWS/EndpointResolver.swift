import Foundation

/// Resolves service endpoints from the environment, the config file, or AWS defaults.
///
/// Order, first match wins: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the
/// profile's `[services …]` section entry (`s3 =` / `  endpoint_url = …`), the profile's
/// `endpoint_url`, then the public AWS endpoint of the region. Setting
/// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or `ignore_configured_endpoint_urls = true`
/// in the profile) skips all configured URLs. Limits: no FIPS or dual-stack endpoints.
public struct EndpointResolver: Sendable {
    private let environment: [String: String]
    private let config: SharedConfig?

    /// A resolver over `environment` and (optionally) the shared config.
    public init(environment: [String: String], configFile: SharedConfig? = nil) {
        self.environment = environment
        self.config = configFile
    }

    /// The endpoint for `service` in `region`.
    ///
    /// - Throws: ``AWSError/configuration(_:)`` when a configured URL is not a valid
    ///   `http(s)` URL.
    public func endpoint(for service: AWSService, region: String) throws -> AWSEndpoint {
        if let (url, origin) = configuredURL(for: service) {
            guard let endpoint = Self.parse(url) else {
                throw AWSError.configuration(
                    "\(origin) is '\(url)', which is not an http(s) URL with a host; "
                        + "use a value like http://localhost:4566")
            }
            return endpoint
        }
        return Self.defaultEndpoint(for: service, region: region)
    }

    /// The public AWS endpoint of `service` in `region`.
    public static func defaultEndpoint(for service: AWSService, region: String) -> AWSEndpoint {
        let suffix = AWSRegion.dnsSuffix(for: region)
        let host: String
        if service.isGlobal && suffix == "amazonaws.com" {
            host = "\(service.signingName).\(suffix)"
        } else {
            host = "\(service.signingName).\(region).\(suffix)"
        }
        return AWSEndpoint(scheme: "https", host: host, isCustom: false)
    }

    /// The configured URL for `service` and where it came from, or nil.
    func configuredURL(for service: AWSService) -> (String, String)? {
        let profile = config?.profile ?? [:]
        if isTrue(environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"])
            || isTrue(profile["ignore_configured_endpoint_urls"])
        {
            return nil
        }

        let specificName = "AWS_ENDPOINT_URL_\(service.environmentSuffix)"
        if let value = nonEmpty(environment[specificName]) {
            return (value, specificName)
        }
        if let value = nonEmpty(environment["AWS_ENDPOINT_URL"]) {
            return (value, "AWS_ENDPOINT_URL")
        }
        if let services = config?.servicesSection,
            let value = nonEmpty(services["\(service.configKey).endpoint_url"])
        {
            return (value, "endpoint_url for \(service.configKey) in the config file services")
        }
        if let value = nonEmpty(profile["endpoint_url"]) {
            return (value, "endpoint_url of profile '\(config?.profileName ?? "default")'")
        }
        return nil
    }

    /// An endpoint from a URL such as `http://localhost:5000`, or nil when invalid.
    static func parse(_ text: String) -> AWSEndpoint? {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        var basePath = components.percentEncodedPath
        while basePath.hasSuffix("/") { basePath.removeLast() }
        return AWSEndpoint(
            scheme: scheme, host: host, port: components.port, basePath: basePath,
            isCustom: true)
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            return nil
        }
        return value
    }

    private func isTrue(_ value: String?) -> Bool {
        value?.trimmingCharacters(in: .whitespaces).lowercased() == "true"
    }
}
