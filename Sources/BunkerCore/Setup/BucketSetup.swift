import BunkerAWS

/// Prepares a snapshot bucket for Bunker, or checks it (`bunker init`, `bunker init --check`).
///
/// For one bucket it makes sure of, in order: the bucket exists in the configured region;
/// versioning is enabled; Object Lock is on when required; Block Public Access is fully
/// on; default encryption is SSE-KMS with the configured key and bucket keys; the lifecycle
/// rule `bunker-abort-incomplete-multipart` exists; the bucket policy holds the statement
/// `BunkerDenyInsecureTransport`. docs/SETUP.md describes each item.
///
/// Safe to run again: an item that is already right is only read, and a second run over a
/// prepared bucket changes nothing. Other lifecycle rules and policy statements are kept.
/// Limits: Bunker never sets a default Object Lock retention, never removes anything, and
/// cannot turn Object Lock on where S3 refuses (see ``SetupError``).
public enum BucketSetup {
    /// Checks every item of `requirements.bucket` and, unless `checkOnly`, changes those
    /// that are not right.
    ///
    /// Never throws: each item's failure is reported on that item (status `failed`, the
    /// ``SetupError`` description and code), and the other items are still handled. When
    /// the bucket itself is missing (with `checkOnly`) or unusable, the other items are
    /// reported `wrong` or `failed` without being read.
    ///
    /// - Parameters:
    ///   - requirements: The bucket and what it must have.
    ///   - s3: A client for `requirements.region`, with `policies/iam/bunker-setup.json`
    ///     (or more).
    ///   - checkOnly: Only read; report `ok` or `wrong`, change nothing.
    /// - Returns: One item per ``SetupCheck``, in that order.
    /// - Precondition: `s3` is for `requirements.region` (a programming error otherwise).
    public static func run(
        _ requirements: BucketRequirements, s3: S3Client, checkOnly: Bool
    ) -> BucketReport {
        precondition(
            s3.client.region == requirements.region,
            "BucketSetup.run: the S3 client is for \(s3.client.region), "
                + "the bucket for \(requirements.region)")
        let steps = BucketSteps(requirements: requirements, s3: s3, checkOnly: checkOnly)
        var items: [SetupItem] = []

        let (bucketItem, state) = steps.ensureBucket()
        items.append(bucketItem)
        switch state {
        case let .ready(created):
            let (versioningItem, versioned) = steps.ensureVersioning()
            items.append(versioningItem)
            items.append(steps.ensureObjectLock(created: created, versioned: versioned))
            items.append(steps.ensurePublicAccessBlock())
            items.append(steps.ensureEncryption())
            items.append(steps.ensureLifecycle())
            items.append(steps.ensureBucketPolicy())
        case .missing:
            items += SetupCheck.allCases.dropFirst().map {
                SetupItem($0, .wrong, "not checked: the bucket does not exist")
            }
        case .unusable:
            items += SetupCheck.allCases.dropFirst().map {
                SetupItem($0, .failed, "not handled: the bucket item failed")
            }
        }

        return BucketReport(
            bucket: requirements.bucket, region: requirements.region, checkOnly: checkOnly,
            items: items)
    }
}
