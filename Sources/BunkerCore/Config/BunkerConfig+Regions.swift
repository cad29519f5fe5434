extension BunkerConfig {
    /// The region of the primary KMS key: the region inside `kms.keyId` when it is an ARN,
    /// else `store.region` (an alias or bare key id is looked up there).
    public var kmsRegion: String {
        ARN.region(of: kms.keyId) ?? store.region
    }
}

/// Reads parts of Amazon Resource Names.
public enum ARN {
    /// The region field of `text` (`arn:aws:kms:eu-west-1:…` gives `eu-west-1`), or nil when
    /// `text` is not an ARN or its region field is empty.
    public static func region(of text: String) -> String? {
        let fields = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count >= 6, fields[0] == "arn", !fields[3].isEmpty else { return nil }
        return String(fields[3])
    }
}
