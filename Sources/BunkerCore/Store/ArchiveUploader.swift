import BunkerAWS
import BunkerCrypto
import Foundation

/// Uploads one archive as it is produced, without holding it in memory.
///
/// Bytes are buffered up to ``partSize``. An archive smaller than one part goes up
/// as a single `PutObject`; a larger one as a multipart upload whose parts each
/// carry a SHA-256 checksum (so Object Lock buckets accept them). Every write
/// uses `If-None-Match: *`, so a stored snapshot is never overwritten. A failed
/// multipart upload is aborted.
///
/// Limits: memory use is one part (8 MiB by default); parts are sent one at a time.
public final class ArchiveUploader {
    /// What was stored, as computed locally while streaming.
    public struct Result: Sendable {
        public var size: Int
        public var sha256: String
        public var versionId: String?
        /// Parts of the multipart upload; 0 when the archive went up in one `PutObject`.
        public var parts: Int
    }

    public let partSize: Int
    private let s3: S3Client
    private let bucket: String
    private let key: String
    private var buffer = Data()
    private var uploadId: String?
    private var parts: [S3CompletedPart] = []
    private let hasher = SHA256Hasher()
    private var size = 0
    private let objectLock: S3ObjectLock?

    /// - Parameters:
    ///   - partSize: Bytes per multipart part, at least 5 MiB.
    ///   - objectLock: The Object Lock retention the stored archive gets.
    public init(
        s3: S3Client, bucket: String, key: String, partSize: Int = 8 * 1024 * 1024,
        objectLock: S3ObjectLock? = nil
    ) {
        self.s3 = s3
        self.bucket = bucket
        self.key = key
        self.partSize = max(partSize, 5 * 1024 * 1024)
        self.objectLock = objectLock
    }

    /// Accepts the next bytes of the archive.
    public func write(_ data: Data) throws {
        hasher.update(data)
        size += data.count
        buffer.append(data)
        while buffer.count >= partSize {
            let part = buffer.prefix(partSize)
            buffer = Data(buffer.dropFirst(partSize))
            try uploadPart(Data(part))
        }
    }

    /// Sends what is left and completes the object.
    public func finish() throws -> Result {
        let digest = Hex.encode(hasher.finalize())
        if uploadId == nil {
            let stored = try s3.putObject(
                bucket: bucket, key: key, body: buffer, contentType: "application/octet-stream",
                ifNoneMatch: true, objectLock: objectLock)
            return Result(size: size, sha256: digest, versionId: stored.versionId, parts: 0)
        }
        if !buffer.isEmpty {
            try uploadPart(buffer)
            buffer = Data()
        }
        guard let uploadId else {
            throw BunkerError.uploadFailed("multipart upload was not started")
        }
        let stored = try s3.completeMultipartUpload(
            bucket: bucket, key: key, uploadId: uploadId, parts: parts, ifNoneMatch: true)
        self.uploadId = nil
        return Result(
            size: size, sha256: digest, versionId: stored.versionId, parts: parts.count)
    }

    /// Aborts an unfinished multipart upload so no parts are left behind. Safe to call always.
    public func abort() {
        guard let uploadId else { return }
        try? s3.abortMultipartUpload(bucket: bucket, key: key, uploadId: uploadId)
        self.uploadId = nil
    }

    private func uploadPart(_ data: Data) throws {
        if uploadId == nil {
            uploadId = try s3.createMultipartUpload(
                bucket: bucket, key: key, contentType: "application/octet-stream",
                objectLock: objectLock)
        }
        guard let uploadId else { return }
        let number = parts.count + 1
        let part = try s3.uploadPart(
            bucket: bucket, key: key, uploadId: uploadId, partNumber: number, body: data)
        parts.append(part)
    }
}
