import BunkerAWS
import Foundation

/// Reads the versions and values of a window of secrets from Secrets Manager.
///
/// Request budget per readable secret: `BatchGetSecretValue` (shared by 20
/// secrets) for the current value, one `ListSecretVersionIds` (deprecated
/// versions included), and one `GetSecretValue` per other version; plus
/// `DescribeSecret` only for secrets that take part in replication.
/// Errors are per secret: one unreadable secret never stops the others.
struct SecretCapture {
    enum Outcome {
        case captured(SecretDocument)
        case failed(Manifest.Failure)
    }

    static let batchSize = 20

    let secretsManager: SecretsManagerClient
    let pacer: QuotaPacer
    let pool: WorkPool

    /// Captures every secret of `window`, in the same order.
    func capture(_ window: [SecretListEntry]) -> [Outcome] {
        let readable = window.filter { $0.deletedDate == nil }
        let batches = stride(from: 0, to: readable.count, by: Self.batchSize).map {
            Array(readable[$0..<min($0 + Self.batchSize, readable.count)])
        }
        var currentValues: [String: SecretValue] = [:]
        var batchErrors: [String: String] = [:]
        for result in pool.map(batches, fetchCurrent) {
            currentValues.merge(result.values) { first, _ in first }
            batchErrors.merge(result.errors) { first, _ in first }
        }
        return pool.map(window) { entry in
            captureOne(entry, current: currentValues[entry.arn], batchError: batchErrors[entry.arn])
        }
    }

    private func fetchCurrent(
        _ batch: [SecretListEntry]
    ) -> (values: [String: SecretValue], errors: [String: String]) {
        pacer.acquire("BatchGetSecretValue")
        do {
            let result = try secretsManager.batchGetSecretValue(secretIdList: batch.map(\.arn))
            var values: [String: SecretValue] = [:]
            for value in result.values { values[value.arn] = value }
            var errors: [String: String] = [:]
            for failure in result.errors {
                let arn = batch.first {
                    $0.arn == failure.secretId || $0.name == failure.secretId
                }?.arn
                if let arn { errors[arn] = failure.errorCode }
            }
            return (values, errors)
        } catch {
            // The batch call as a whole failed; each secret is then read on its own.
            return ([:], [:])
        }
    }

    private func captureOne(
        _ entry: SecretListEntry, current: SecretValue?, batchError: String?
    ) -> Outcome {
        do {
            var document = SecretDocumentBuilder.document(from: entry)
            if let primary = entry.primaryRegion, !primary.isEmpty {
                pacer.acquire("DescribeSecret")
                let details = try secretsManager.describeSecret(secretId: entry.arn)
                document.replication = SecretDocumentBuilder.replication(from: details)
            }
            let versions = try listVersions(entry)
            if entry.deletedDate != nil {
                document.versions = versions.map {
                    SecretDocumentBuilder.unavailable(
                        $0, reason: "secret is scheduled for deletion")
                }
                return .captured(document)
            }
            if let batchError, Self.isPermissionError(batchError) {
                throw AWSError.service(
                    code: batchError, message: "denied by BatchGetSecretValue", status: 400,
                    requestId: nil)
            }
            document.versions = try versions.map { version in
                if let current, current.versionId == version.versionId {
                    return SecretDocumentBuilder.captured(version, value: current)
                }
                return try readVersion(entry, version)
            }
            return .captured(document)
        } catch {
            return .failed(Manifest.Failure(
                name: entry.name, arn: entry.arn, error: Self.safeDescription(error)))
        }
    }

    private func listVersions(_ entry: SecretListEntry) throws -> [SecretVersionEntry] {
        var versions: [SecretVersionEntry] = []
        do {
            try Pagination.forEachPage("ListSecretVersionIds") { token in
                pacer.acquire("ListSecretVersionIds")
                let page = try secretsManager.listSecretVersionIds(
                    secretId: entry.arn, includeDeprecated: true, maxResults: 100, nextToken: token)
                versions.append(contentsOf: page.versions)
                return page.nextToken
            }
        } catch let error as AWSError where entry.deletedDate != nil && error.isInvalidRequest {
            // Deleted secrets may refuse version listing; fall back to the labelled versions.
            return SecretDocumentBuilder.versionsFromStages(entry)
        }
        return versions.sorted {
            ($0.createdDate ?? .distantPast) < ($1.createdDate ?? .distantPast)
        }
    }

    private func readVersion(
        _ entry: SecretListEntry, _ version: SecretVersionEntry
    ) throws -> SecretVersionRecord {
        pacer.acquire("GetSecretValue")
        do {
            let value = try secretsManager.getSecretValue(
                secretId: entry.arn, versionId: version.versionId, versionStage: nil)
            return SecretDocumentBuilder.captured(version, value: value)
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            return SecretDocumentBuilder.unavailable(version, reason: "version holds no value")
        } catch let error as AWSError
            where error.isInvalidRequest && version.versionStages.isEmpty {
            return SecretDocumentBuilder.unavailable(
                version, reason: "deprecated version no longer readable")
        }
    }

    static func isPermissionError(_ code: String) -> Bool {
        ["AccessDeniedException", "AccessDenied", "DecryptionFailure", "KMSAccessDeniedException",
         "UnrecognizedClientException"].contains(code)
    }

    /// Error text for reports: the AWS code and message, which never contain values.
    static func safeDescription(_ error: Error) -> String {
        if let error = error as? AWSError, let code = error.code { return "\(code): \(error)" }
        return "\(error)"
    }
}
