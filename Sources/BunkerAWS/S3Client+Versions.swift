import Foundation

extension S3Client {
    /// One stored version of an object, or a delete marker.
    public struct ObjectVersion: Sendable, Equatable {
        public var key: String
        /// The version id; `null` in a bucket that was never versioned.
        public var versionId: String
        public var isDeleteMarker: Bool
        public var isLatest: Bool
        public var lastModified: Date?
    }

    /// Every version and delete marker of the objects under `prefix`, all pages.
    ///
    /// Works on unversioned buckets too (each object then has version id `null`).
    public func listObjectVersions(bucket: String, prefix: String) throws -> [ObjectVersion] {
        var versions: [ObjectVersion] = []
        var keyMarker: String?
        var versionMarker: String?
        var pages = 0
        repeat {
            var query: [(String, String?)] = [("versions", nil), ("prefix", prefix)]
            if let keyMarker { query.append(("key-marker", keyMarker)) }
            if let versionMarker { query.append(("version-id-marker", versionMarker)) }
            let response = try send(
                "ListObjectVersions", method: "GET", bucket: bucket, key: nil, query: query)
            guard let root = XMLTree.parse(response.body), root.name == "ListVersionsResult" else {
                throw AWSError.invalidResponse(
                    "ListObjectVersions did not return a ListVersionsResult")
            }
            for element in root.children
            where element.name == "Version" || element.name == "DeleteMarker" {
                guard let key = element.childText("Key"), let id = element.childText("VersionId")
                else { continue }
                versions.append(ObjectVersion(
                    key: key, versionId: id, isDeleteMarker: element.name == "DeleteMarker",
                    isLatest: element.childText("IsLatest") == "true",
                    lastModified: element.childText("LastModified").flatMap(
                        TemporaryCredentialsDocument.parseISO8601)))
            }
            let truncated = root.childText("IsTruncated") == "true"
            let nextKey = Pagination.token(root.childText("NextKeyMarker"))
            let nextVersion = Pagination.token(root.childText("NextVersionIdMarker"))
            pages += 1
            guard truncated, nextKey != nil || nextVersion != nil, pages < 100_000,
                nextKey != keyMarker || nextVersion != versionMarker
            else { break }
            keyMarker = nextKey
            versionMarker = nextVersion
        } while true
        return versions
    }

    /// Deletes one version (or delete marker) for good; `null` deletes the unversioned
    /// object. S3 refuses while the version is under Object Lock.
    public func deleteVersion(bucket: String, key: String, versionId: String) throws {
        _ = try send(
            "DeleteObject", method: "DELETE", bucket: bucket, key: key,
            query: versionId == "null" ? [] : [("versionId", versionId)])
    }

    /// Sets (extends) the Object Lock retention of one version (`PutObjectRetention`).
    /// S3 never lets a `COMPLIANCE` date move earlier.
    public func putObjectRetention(
        bucket: String, key: String, versionId: String?, lock: S3ObjectLock
    ) throws {
        let body = Data((
            "<Retention xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Mode>\(S3XML.escape(lock.mode))</Mode>"
                + "<RetainUntilDate>\(S3Client.lockDate(lock.retainUntil))</RetainUntilDate>"
                + "</Retention>").utf8)
        var query: [(String, String?)] = [("retention", nil)]
        if let versionId, versionId != "null" { query.append(("versionId", versionId)) }
        _ = try send(
            "PutObjectRetention", method: "PUT", bucket: bucket, key: key, query: query,
            headers: [
                ("Content-Type", "application/xml"),
                ("x-amz-checksum-sha256", Self.base64SHA256(body)),
                ("x-amz-sdk-checksum-algorithm", "SHA256"),
            ],
            body: body)
    }

    /// `2026-12-05T00:00:00Z`: the form S3 takes for Object Lock dates.
    static func lockDate(_ date: Date) -> String {
        ISO8601DateFormatter().string(
            from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.up)))
    }
}
