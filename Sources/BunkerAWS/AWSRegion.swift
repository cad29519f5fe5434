/// Finds the AWS region the way the SDKs do.
public enum AWSRegion {
    /// `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the selected profile's `region` in the
    /// config file; nil when none is set.
    public static func resolve(
        environment: [String: String], config: SharedConfig? = nil
    ) -> String? {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces),
                !value.isEmpty
            {
                return value
            }
        }
        guard let region = config?.configProfile?["region"], !region.isEmpty else {
            return nil
        }
        return region
    }

    /// The DNS suffix of the partition `region` belongs to (`amazonaws.com.cn` in China).
    public static func dnsSuffix(for region: String) -> String {
        region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
    }
}
