import BunkerAWS

/// The per-item work of ``BucketSetup``: each `ensure…` reads one item, changes it when
/// allowed and needed, and returns its report line. Failures become `failed` lines.
struct BucketSteps {
    /// What the bucket check found.
    enum BucketState {
        /// The bucket is there (now); `created` when this run made it.
        case ready(created: Bool)
        /// The bucket does not exist and `checkOnly` forbade creating it.
        case missing
        /// The bucket cannot be used (wrong region, name taken, S3 failure).
        case unusable
    }

    let requirements: BucketRequirements
    let s3: S3Client
    let checkOnly: Bool

    var bucket: String { requirements.bucket }

    /// Runs `body` for `check`, turning a thrown ``SetupError`` into a `failed` line.
    func attempt(_ check: SetupCheck, _ body: () throws -> SetupItem) -> SetupItem {
        do {
            return try body()
        } catch let error as SetupError {
            return SetupItem(check, .failed, error.description, code: error.code)
        } catch {
            return SetupItem(check, .failed, "\(error)", code: "unexpected")
        }
    }

    /// Runs one S3 call; an ``AWSError`` becomes ``SetupError/aws(bucket:action:error:)``
    /// naming `action` ("read the versioning state").
    func call<T>(_ action: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as AWSError {
            throw SetupError.aws(bucket: bucket, action: action, error: error)
        }
    }

    /// `wrong` with what init would do in a check, else the result of `change` (`changed`).
    func fix(
        _ check: SetupCheck, found: String, willDo: String, change: () throws -> String
    ) throws -> SetupItem {
        if checkOnly {
            return SetupItem(check, .wrong, "\(found); init would \(willDo)")
        }
        return SetupItem(check, .changed, try change())
    }

    /// `1 other rule`, `2 other statements`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) other \(noun)\(number == 1 ? "" : "s")"
    }
}
