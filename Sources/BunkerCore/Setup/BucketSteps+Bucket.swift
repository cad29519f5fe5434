import BunkerAWS

// MARK: - The bucket, versioning and Object Lock

extension BucketSteps {
    /// S3's answers when a request reached a region the bucket is not in.
    private static let otherRegionCodes: Set<String> = [
        "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException",
    ]

    /// Item 1: the bucket exists in the configured region (created when missing, with
    /// Object Lock when required).
    func ensureBucket() -> (SetupItem, BucketState) {
        var state = BucketState.unusable
        let item = attempt(.bucket) {
            let region: String?
            do {
                region = try s3.bucketRegion(bucket)
            } catch let error as AWSError
                where error.code.map(Self.otherRegionCodes.contains) == true
            {
                throw SetupError.bucketInOtherRegion(
                    bucket: bucket, wanted: requirements.region, actual: Self.expectedRegion(error))
            } catch let error as AWSError where error.code == "AccessDenied" {
                throw SetupError.bucketAccessDenied(bucket: bucket, error: error)
            } catch let error as AWSError {
                throw SetupError.aws(bucket: bucket, action: "find the region", error: error)
            }
            if let region {
                guard region == requirements.region else {
                    throw SetupError.bucketInOtherRegion(
                        bucket: bucket, wanted: requirements.region, actual: region)
                }
                state = .ready(created: false)
                return SetupItem(.bucket, .ok, "exists in \(region)")
            }
            let lock = requirements.objectLock ? " with Object Lock" : ""
            if checkOnly {
                state = .missing
                return SetupItem(
                    .bucket, .wrong,
                    "does not exist; init would create it in \(requirements.region)\(lock)")
            }
            let created: Bool
            do {
                created = try s3.createBucket(bucket, objectLockEnabled: requirements.objectLock)
            } catch let error as AWSError where error.code == "BucketAlreadyExists" {
                throw SetupError.bucketNameTaken(bucket: bucket)
            } catch let error as AWSError {
                throw SetupError.aws(bucket: bucket, action: "create the bucket", error: error)
            }
            state = .ready(created: created)
            guard created else {
                return SetupItem(.bucket, .ok, "exists in \(requirements.region)")
            }
            return SetupItem(.bucket, .changed, "created in \(requirements.region)\(lock)")
        }
        return (item, state)
    }

    /// Item 2: versioning is enabled. Also returns whether it is enabled now.
    func ensureVersioning() -> (SetupItem, Bool) {
        var enabled = false
        let item = attempt(.versioning) {
            let status = try call("read the versioning state") { try s3.bucketVersioning(bucket) }
            if status == .enabled {
                enabled = true
                return SetupItem(.versioning, .ok, "enabled")
            }
            let found = status == .suspended ? "suspended" : "never enabled"
            return try fix(.versioning, found: found, willDo: "enable it") {
                try call("enable versioning") { try s3.putBucketVersioning(bucket, enabled: true) }
                enabled = true
                return "enabled (was \(found))"
            }
        }
        return (item, enabled)
    }

    /// Item 3: Object Lock is on when required. Never sets a default retention; reports
    /// one that exists.
    ///
    /// - Parameters:
    ///   - created: This run created the bucket (with Object Lock when required).
    ///   - versioned: Versioning is enabled now (S3 needs it to turn Object Lock on).
    func ensureObjectLock(created: Bool, versioned: Bool) -> SetupItem {
        attempt(.objectLock) {
            let current = try call("read the Object Lock configuration") {
                try s3.objectLockConfiguration(bucket)
            }
            if let current, current.enabled {
                let retention = current.defaultRetention.map {
                    "; default retention \($0) (left as is; Bunker sets retention per object)"
                } ?? "; no default retention (Bunker sets retention per object)"
                let status: SetupStatus = created && requirements.objectLock ? .changed : .ok
                let how = status == .changed ? "enabled when the bucket was created" : "enabled"
                return SetupItem(.objectLock, status, how + retention)
            }
            guard requirements.objectLock else {
                return SetupItem(.objectLock, .ok, "not enabled, and not required")
            }
            return try fix(
                .objectLock, found: "not enabled, but the retention policy requires it",
                willDo: "try to turn it on"
            ) {
                guard versioned else {
                    throw SetupError.versioningNeededForObjectLock(bucket: bucket)
                }
                do {
                    try s3.enableObjectLock(bucket)
                } catch let error as AWSError where isRefusal(error) {
                    let text = error.description
                    throw SetupError.objectLockUnavailable(bucket: bucket, reason: text)
                } catch let error as AWSError {
                    throw SetupError.aws(
                        bucket: bucket, action: "turn Object Lock on", error: error)
                }
                return "turned on, with no default retention"
            }
        }
    }

    /// The region S3 names in "the region 'X' is wrong; expecting 'Y'" (Y), if it does.
    static func expectedRegion(_ error: AWSError) -> String? {
        guard case let .service(_, message, _, _) = error,
            let start = message.range(of: "expecting '")
        else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'"), end > rest.startIndex else { return nil }
        return String(rest[..<end])
    }

    /// Whether S3 answered that it will not enable Object Lock on this bucket (as opposed
    /// to a permission, credential or network problem).
    private func isRefusal(_ error: AWSError) -> Bool {
        guard case .service(_, _, let status, _) = error else { return false }
        return (400..<500).contains(status) && status != 401 && status != 403
    }
}
