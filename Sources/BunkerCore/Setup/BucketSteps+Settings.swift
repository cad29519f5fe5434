import BunkerAWS

// MARK: - Block Public Access, encryption, lifecycle, bucket policy

extension BucketSteps {
    /// Item 4: all four Block Public Access settings are on.
    func ensurePublicAccessBlock() -> SetupItem {
        attempt(.publicAccessBlock) {
            let current = try call("read the Block Public Access settings") {
                try s3.publicAccessBlock(bucket)
            }
            let off = (current ?? S3Client.PublicAccessBlock(
                blockPublicAcls: false, ignorePublicAcls: false, blockPublicPolicy: false,
                restrictPublicBuckets: false)
            ).flags.filter { !$0.value }.map(\.name)
            if off.isEmpty {
                return SetupItem(.publicAccessBlock, .ok, "all four settings on")
            }
            let found = current == nil ? "not configured" : "off: \(off.joined(separator: ", "))"
            return try fix(.publicAccessBlock, found: found, willDo: "turn all four on") {
                try call("turn Block Public Access on") {
                    try s3.putPublicAccessBlock(bucket, .allBlocked)
                }
                return "all four settings on (was \(found))"
            }
        }
    }

    /// Item 5: default encryption is SSE-KMS with the configured key, bucket keys on.
    func ensureEncryption() -> SetupItem {
        attempt(.encryption) {
            let current = try call("read the default encryption") {
                try s3.bucketEncryption(bucket)
            }
            let key = requirements.kmsKeyId
            let wanted = EncryptionRequirement.wanted(kmsKeyId: key)
            if EncryptionRequirement.isRight(current, kmsKeyId: key) {
                return SetupItem(.encryption, .ok, EncryptionRequirement.describe(current))
            }
            let found = "is \(EncryptionRequirement.describe(current))"
            let target = EncryptionRequirement.describe(wanted)
            return try fix(.encryption, found: found, willDo: "set \(target)") {
                try call("set the default encryption") {
                    try s3.putBucketEncryption(bucket, wanted)
                }
                return "\(target) (was \(EncryptionRequirement.describe(current)); "
                    + "applies to objects written from now on)"
            }
        }
    }

    /// Item 6: the rule aborting incomplete multipart uploads exists; other rules kept.
    func ensureLifecycle() -> SetupItem {
        attempt(.lifecycle) {
            let current = try call("read the lifecycle rules") { try s3.bucketLifecycle(bucket) }
            let rule = AbortIncompleteUploadsRule.self
            let others = current.rules.filter { rule.ruleID($0) != rule.id }.count
            let kept = Self.count(others, "rule")
            let warning = rule.noncurrentExpiringRules(current.rules).map {
                "; warning: rule \($0) expires noncurrent versions, which may be good archives "
                    + "an attacker overwrote"
            }.joined()
            let found: String
            switch rule.evaluate(current.rules) {
            case .present:
                return SetupItem(.lifecycle, .ok, "rule \(rule.id) in place (\(kept))" + warning)
            case .missing:
                found = "rule \(rule.id) is missing"
            case let .differs(reasons):
                found = "rule \(rule.id) differs: " + reasons.joined(separator: "; ")
            }
            let willDo = "write it, keeping \(kept)"
            return try fix(.lifecycle, found: found + warning, willDo: willDo) {
                try call("write the lifecycle rules") {
                    try s3.putBucketLifecycle(bucket, rule.merged(current))
                }
                return "rule \(rule.id) written (\(found)); kept \(kept)" + warning
            }
        }
    }

    /// Item 7: the bucket policy denies requests without TLS; other statements kept.
    func ensureBucketPolicy() -> SetupItem {
        guard requirements.denyInsecureTransport else {
            return SetupItem(
                .bucketPolicy, .skipped,
                "TLS-only statement not applied: Bunker reaches S3 over plain HTTP here (an "
                    + "http:// endpoint override), so it would refuse Bunker's own requests; "
                    + "with an https endpoint init applies it")
        }
        return attempt(.bucketPolicy) {
            let current = try call("read the bucket policy") { try s3.bucketPolicy(bucket) }
            let partition = DenyInsecureTransport.partition(region: requirements.region)
            let sid = DenyInsecureTransport.sid
            let (finding, others) = try DenyInsecureTransport.evaluate(
                current, bucket: bucket, partition: partition)
            let kept = Self.count(others, "statement")
            let found: String
            switch finding {
            case .present:
                return SetupItem(.bucketPolicy, .ok, "statement \(sid) in place (\(kept))")
            case .missing:
                found = current == nil ? "no bucket policy" : "statement \(sid) is missing"
            case .differs:
                found = "statement \(sid) differs from Bunker's"
            }
            return try fix(.bucketPolicy, found: found, willDo: "write it, keeping \(kept)") {
                let merged = try DenyInsecureTransport.merged(
                    current, bucket: bucket, partition: partition)
                try call("write the bucket policy") {
                    try s3.putBucketPolicy(bucket, policy: merged)
                }
                return "statement \(sid) written (\(found)); kept \(kept)"
            }
        }
    }
}
