import Foundation

/// The AWS shared files (`~/.aws/config` and `~/.aws/credentials`) and the selected profile.
///
/// Paths come from `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE`, else `$HOME/.aws/…`;
/// the profile from `AWS_PROFILE`, else `default`. In the config file a profile is
/// `[profile name]` (`[default]` or `[profile default]` for the default one); in the
/// credentials file it is `[name]`.
public struct SharedConfig: Sendable {
    /// The selected profile name.
    public let profileName: String

    /// Whether the profile was chosen explicitly with `AWS_PROFILE`.
    public let profileIsExplicit: Bool

    /// The parsed config file, nil when it does not exist.
    public let configFile: INIFile?

    /// The parsed credentials file, nil when it does not exist.
    public let credentialsFile: INIFile?

    /// The config file path that was looked at.
    public let configPath: String

    /// The credentials file path that was looked at.
    public let credentialsPath: String

    /// Files and profile from their parts (tests).
    public init(
        profileName: String = "default", profileIsExplicit: Bool = false,
        configFile: INIFile?, credentialsFile: INIFile?,
        configPath: String = "~/.aws/config", credentialsPath: String = "~/.aws/credentials"
    ) {
        self.profileName = profileName
        self.profileIsExplicit = profileIsExplicit
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// Loads the files named by `environment` (missing files are fine).
    ///
    /// - Throws: ``CredentialsError`` when a file exists but cannot be read.
    public static func load(environment: [String: String]) throws -> SharedConfig {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let configPath = expand(environment["AWS_CONFIG_FILE"], home: home)
            ?? "\(home)/.aws/config"
        let credentialsPath = expand(environment["AWS_SHARED_CREDENTIALS_FILE"], home: home)
            ?? "\(home)/.aws/credentials"
        let explicit = environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 }

        return SharedConfig(
            profileName: explicit ?? "default", profileIsExplicit: explicit != nil,
            configFile: try INIFile.load(path: configPath),
            credentialsFile: try INIFile.load(path: credentialsPath),
            configPath: configPath, credentialsPath: credentialsPath)
    }

    /// The selected profile's section of the config file, or nil.
    public var configProfile: [String: String]? {
        configSection(forProfile: profileName)
    }

    /// The selected profile's section of the credentials file, or nil.
    public var credentialsProfile: [String: String]? {
        credentialsFile?.section(profileName)
    }

    /// The profile's settings: config file values overridden by credentials file values.
    public var profile: [String: String] {
        var merged = configProfile ?? [:]
        for (key, value) in credentialsProfile ?? [:] {
            merged[key] = value
        }
        return merged
    }

    /// Whether either file has a section for the selected profile.
    public var profileExists: Bool {
        configProfile != nil || credentialsProfile != nil
    }

    /// The `[services name]` section the profile points at with `services = name`.
    public var servicesSection: [String: String]? {
        guard let name = profile["services"], !name.isEmpty else { return nil }
        return configFile?.section("services \(name)")
    }

    /// The config-file section of `name`: `[profile name]`, and for `default` also `[default]`.
    public func configSection(forProfile name: String) -> [String: String]? {
        guard let file = configFile else { return nil }
        let prefixed = file.sections.first { key, _ in
            let parts = key.split(whereSeparator: \.isWhitespace)
            return parts.count == 2 && parts[0] == "profile" && parts[1] == name
        }?.value
        if let prefixed {
            return prefixed
        }
        return name == "default" ? file.section("default") : nil
    }

    private static func expand(_ path: String?, home: String) -> String? {
        guard let path, !path.isEmpty else { return nil }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return home + path.dropFirst(1) }
        return path
    }
}
