import BunkerHTTP
import Foundation

/// Bucket-level settings: location, versioning, Object Lock, Block Public Access and
/// default encryption. Lifecycle and bucket policy are in their own files.
///
/// Every getter turns S3's "not configured" answer into nil, so only real failures throw.
/// Every setter sends `x-amz-checksum-sha256`: S3 requires a body checksum on these
/// operations (`Content-MD5` or a flexible checksum).
extension S3Client {
    /// The region `bucket` is in, or nil when no such bucket exists (`GetBucketLocation`).
    ///
    /// S3's legacy answers are normalised: an empty constraint is `us-east-1`, `EU` is
    /// `eu-west-1`. Needs `s3:GetBucketLocation`; unlike `HeadBucket`, moto authorizes it
    /// under that name too.
    /// - Throws: ``AWSError``; `AccessDenied` when the bucket belongs to another account
    ///   or the policy lacks the action; `PermanentRedirect` or
    ///   `AuthorizationHeaderMalformed` when AWS refuses to answer for another region.
    public func bucketRegion(_ bucket: String) throws -> String? {
        let body: Data
        do {
            body = try send(
                "GetBucketLocation", method: "GET", bucket: bucket, key: nil,
                query: [("location", nil)]
            ).body
        } catch let error as AWSError where error.code == "NoSuchBucket" {
            return nil
        }
        guard let root = XMLTree.parse(body), root.name == "LocationConstraint" else {
            throw AWSError.invalidResponse("GetBucketLocation returned no LocationConstraint")
        }
        return Self.regionName(locationConstraint: root.text)
    }

    /// The region a `LocationConstraint` value stands for (`""` → `us-east-1`,
    /// `EU` → `eu-west-1`).
    public static func regionName(locationConstraint: String) -> String {
        switch locationConstraint.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "": return "us-east-1"
        case "EU": return "eu-west-1"
        case let region: return region
        }
    }

    // MARK: - Versioning

    /// The versioning state of `bucket` (`GetBucketVersioning`, `s3:GetBucketVersioning`).
    public func bucketVersioning(_ bucket: String) throws -> VersioningStatus {
        let body = try configuration("GetBucketVersioning", bucket: bucket, "versioning")
        guard let root = body.flatMap(XMLTree.parse).map(XMLFragment.init) else {
            throw AWSError.invalidResponse("GetBucketVersioning returned no XML")
        }
        guard let status = root.childText("Status"), !status.isEmpty else { return .neverEnabled }
        guard let known = VersioningStatus(rawValue: status) else {
            throw AWSError.invalidResponse("GetBucketVersioning returned status \(status)")
        }
        return known
    }

    /// Turns versioning on (or suspends it) (`PutBucketVersioning`, `s3:PutBucketVersioning`).
    ///
    /// MFA delete is not touched (S3 keeps it as it was when the element is absent).
    public func putBucketVersioning(_ bucket: String, enabled: Bool) throws {
        let status = enabled ? VersioningStatus.enabled : .suspended
        try putConfiguration(
            "PutBucketVersioning", bucket: bucket, "versioning",
            xml: element("VersioningConfiguration", [XMLFragment("Status", text: status.rawValue)]))
    }

    // MARK: - Object Lock

    /// The Object Lock configuration, or nil when Object Lock is off
    /// (`GetObjectLockConfiguration`, `s3:GetBucketObjectLockConfiguration`).
    public func objectLockConfiguration(_ bucket: String) throws -> ObjectLockConfiguration? {
        guard let body = try configuration(
            "GetObjectLockConfiguration", bucket: bucket, "object-lock",
            notConfigured: ["ObjectLockConfigurationNotFoundError"])
        else { return nil }
        guard let root = XMLTree.parse(body).map(XMLFragment.init) else {
            throw AWSError.invalidResponse("GetObjectLockConfiguration returned no XML")
        }
        let retention = root.child("Rule")?.child("DefaultRetention").flatMap { rule in
            rule.childText("Mode").map { mode in
                DefaultRetention(
                    mode: mode, days: positive(rule.childText("Days")),
                    years: positive(rule.childText("Years")))
            }
        }
        let enabled = root.childText("ObjectLockEnabled") == "Enabled"
        guard enabled || retention != nil else { return nil }
        return ObjectLockConfiguration(enabled: enabled, defaultRetention: retention)
    }

    /// Turns Object Lock on for an existing bucket, with **no** default retention
    /// (`PutObjectLockConfiguration`, `s3:PutBucketObjectLockConfiguration`).
    ///
    /// S3 allows this on buckets with versioning enabled; it cannot be undone.
    /// - Warning: The call replaces the whole configuration: on a bucket that already has a
    ///   default retention rule it removes that rule. Call it only when Object Lock is off.
    /// - Throws: ``AWSError``; `InvalidBucketState` when S3 refuses (versioning off; moto
    ///   also refuses buckets that hold objects).
    public func enableObjectLock(_ bucket: String) throws {
        try putConfiguration(
            "PutObjectLockConfiguration", bucket: bucket, "object-lock",
            xml: element(
                "ObjectLockConfiguration", [XMLFragment("ObjectLockEnabled", text: "Enabled")]))
    }

    // MARK: - Block Public Access

    /// The bucket's Block Public Access settings, or nil when none are set
    /// (`GetPublicAccessBlock`, `s3:GetBucketPublicAccessBlock`).
    public func publicAccessBlock(_ bucket: String) throws -> PublicAccessBlock? {
        guard let body = try configuration(
            "GetPublicAccessBlock", bucket: bucket, "publicAccessBlock",
            notConfigured: ["NoSuchPublicAccessBlockConfiguration"])
        else { return nil }
        guard let root = XMLTree.parse(body).map(XMLFragment.init) else {
            throw AWSError.invalidResponse("GetPublicAccessBlock returned no XML")
        }
        func flag(_ name: String) -> Bool { root.childText(name)?.lowercased() == "true" }
        return PublicAccessBlock(
            blockPublicAcls: flag("BlockPublicAcls"), ignorePublicAcls: flag("IgnorePublicAcls"),
            blockPublicPolicy: flag("BlockPublicPolicy"),
            restrictPublicBuckets: flag("RestrictPublicBuckets"))
    }

    /// Replaces the bucket's Block Public Access settings
    /// (`PutPublicAccessBlock`, `s3:PutBucketPublicAccessBlock`).
    public func putPublicAccessBlock(_ bucket: String, _ settings: PublicAccessBlock) throws {
        let flags = settings.flags.map { XMLFragment($0.name, text: $0.value ? "true" : "false") }
        try putConfiguration(
            "PutPublicAccessBlock", bucket: bucket, "publicAccessBlock",
            xml: element("PublicAccessBlockConfiguration", flags))
    }

    // MARK: - Default encryption

    /// The bucket's default encryption, or nil when none is configured
    /// (`GetBucketEncryption`, `s3:GetEncryptionConfiguration`).
    ///
    /// Since 2023 AWS gives every bucket SSE-S3 (`AES256`) by default, so nil is rare.
    public func bucketEncryption(_ bucket: String) throws -> BucketEncryption? {
        guard let body = try configuration(
            "GetBucketEncryption", bucket: bucket, "encryption",
            notConfigured: ["ServerSideEncryptionConfigurationNotFoundError"])
        else { return nil }
        guard let root = XMLTree.parse(body).map(XMLFragment.init) else {
            throw AWSError.invalidResponse("GetBucketEncryption returned no XML")
        }
        guard let rule = root.child("Rule"),
            let defaults = rule.child("ApplyServerSideEncryptionByDefault"),
            let algorithm = defaults.childText("SSEAlgorithm")
        else { return nil }
        return BucketEncryption(
            algorithm: algorithm,
            kmsKeyId: defaults.childText("KMSMasterKeyID").flatMap { $0.isEmpty ? nil : $0 },
            bucketKeyEnabled: rule.childText("BucketKeyEnabled")?.lowercased() == "true")
    }

    /// Replaces the bucket's default encryption with one rule
    /// (`PutBucketEncryption`, `s3:PutEncryptionConfiguration`).
    ///
    /// S3 does not check that the KMS key exists or that it may use it: a wrong key id
    /// shows only when objects are written.
    public func putBucketEncryption(_ bucket: String, _ encryption: BucketEncryption) throws {
        var defaults = [XMLFragment("SSEAlgorithm", text: encryption.algorithm)]
        if let key = encryption.kmsKeyId {
            defaults.append(XMLFragment("KMSMasterKeyID", text: key))
        }
        let rule = XMLFragment("Rule", children: [
            XMLFragment("ApplyServerSideEncryptionByDefault", children: defaults),
            XMLFragment("BucketKeyEnabled", text: encryption.bucketKeyEnabled ? "true" : "false"),
        ])
        try putConfiguration(
            "PutBucketEncryption", bucket: bucket, "encryption",
            xml: element("ServerSideEncryptionConfiguration", [rule]))
    }

    // MARK: - Shared plumbing

    /// GET `?subresource` of `bucket`; nil when S3 answers with one of `notConfigured`.
    func configuration(
        _ operation: String, bucket: String, _ subresource: String,
        notConfigured: Set<String> = []
    ) throws -> Data? {
        do {
            return try send(
                operation, method: "GET", bucket: bucket, key: nil, query: [(subresource, nil)]
            ).body
        } catch let error as AWSError where error.code.map(notConfigured.contains) == true {
            return nil
        }
    }

    /// PUT `body` to `?subresource` of `bucket` with a SHA-256 body checksum.
    func putConfiguration(
        _ operation: String, bucket: String, _ subresource: String, body: Data,
        contentType: String = "application/xml",
        extraHeaders: [(name: String, value: String)] = []
    ) throws {
        let headers: [(name: String, value: String)] = [
            ("Content-Type", contentType),
            ("x-amz-checksum-sha256", Self.base64SHA256(body)),
            ("x-amz-sdk-checksum-algorithm", "SHA256"),
        ] + extraHeaders
        _ = try send(
            operation, method: "PUT", bucket: bucket, key: nil, query: [(subresource, nil)],
            headers: headers, body: body)
    }

    func putConfiguration(
        _ operation: String, bucket: String, _ subresource: String, xml: String,
        extraHeaders: [(name: String, value: String)] = []
    ) throws {
        try putConfiguration(
            operation, bucket: bucket, subresource, body: Data(xml.utf8),
            extraHeaders: extraHeaders)
    }

    /// A root element in S3's namespace holding `children`.
    func element(_ name: String, _ children: [XMLFragment]) -> String {
        "<\(name) xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
            + children.map(\.xml).joined() + "</\(name)>"
    }
}

/// A positive integer from S3's text, nil for absent, zero or garbage (moto reports the
/// unused one of `Days`/`Years` as 0).
private func positive(_ text: String?) -> Int? {
    guard let text, let value = Int(text), value > 0 else { return nil }
    return value
}
