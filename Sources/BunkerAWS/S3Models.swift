import Foundation

/// Where an S3 request goes: host override and encoded path.
struct S3Address {
    var host: String?
    var path: String

    /// Virtual-hosted style for AWS endpoints and DNS-compatible bucket names without
    /// dots; path style for custom endpoints and all other names. `key` is encoded with
    /// `AWSURIEncoding` keeping `/`, so `//`, `.` and `..` segments go on the wire as is.
    static func make(
        endpoint: AWSEndpoint, region: String, bucket: String, key: String?
    ) -> S3Address {
        let encodedKey = key.map { "/" + AWSURIEncodingBridge.encodePath($0) } ?? ""
        if !endpoint.isCustom && isVirtualHostable(bucket) {
            let host = "\(bucket).s3.\(region).\(AWSRegion.dnsSuffix(for: region))"
            return S3Address(host: host, path: encodedKey.isEmpty ? "/" : encodedKey)
        }
        let bucketPath = "/" + AWSURIEncodingBridge.encodeSegment(bucket)
        return S3Address(host: nil, path: bucketPath + encodedKey)
    }

    /// 3–63 characters of lower-case letters, digits and `-`, starting and ending with a
    /// letter or digit (no dots: they break TLS wildcard certificates).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        let bytes = Array(bucket.utf8)
        guard (3...63).contains(bytes.count) else { return false }
        func isAlnum(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, let last = bytes.last, isAlnum(first), isAlnum(last)
        else { return false }
        return bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }
}

/// What S3 reports about an object.
public struct S3ObjectInfo: Sendable, Equatable {
    /// Size in bytes.
    public var size: Int64
    /// The ETag, with its quotes.
    public var etag: String?
    /// The version id when the bucket is versioned.
    public var versionId: String?
    /// Base64 SHA-256 checksum, when the object was stored with one.
    public var checksumSHA256: String?
    /// User metadata (`x-amz-meta-*`), keys lower-cased without the prefix.
    public var metadata: [String: String]
    /// Last modification time.
    public var lastModified: Date?
    /// The Object Lock mode of this version (`GOVERNANCE` or `COMPLIANCE`), when locked.
    public var lockMode: String?
    /// Until when this version is locked, when it is.
    public var lockRetainUntil: Date?
}

/// One object of a listing.
public struct S3ListedObject: Sendable, Equatable {
    public var key: String
    public var size: Int64
    public var etag: String?
    public var lastModified: Date?
}

/// One page of `ListObjectsV2`.
public struct S3ListPage: Sendable, Equatable {
    public var objects: [S3ListedObject]
    public var commonPrefixes: [String]
    public var isTruncated: Bool
    public var nextContinuationToken: String?
}

/// A part of a multipart upload as `CompleteMultipartUpload` needs it.
public struct S3CompletedPart: Sendable, Equatable {
    public var partNumber: Int
    public var etag: String
    public var checksumSHA256: String?

    public init(partNumber: Int, etag: String, checksumSHA256: String?) {
        self.partNumber = partNumber
        self.etag = etag
        self.checksumSHA256 = checksumSHA256
    }
}

/// S3 Object Lock settings for a new object.
public struct S3ObjectLock: Sendable, Equatable {
    /// `GOVERNANCE` or `COMPLIANCE`.
    public var mode: String
    /// When the retention ends.
    public var retainUntil: Date

    public init(mode: String, retainUntil: Date) {
        self.mode = mode
        self.retainUntil = retainUntil
    }
}

/// Result of a write: ETag and version id.
public struct S3WriteResult: Sendable, Equatable {
    public var etag: String?
    public var versionId: String?
    public var checksumSHA256: String?
}

/// Parsers for S3's XML bodies.
enum S3XML {
    static func listPage(_ data: Data) throws -> S3ListPage {
        guard let root = XMLTree.parse(data), root.name == "ListBucketResult" else {
            throw AWSError.invalidResponse("ListObjectsV2 did not return a ListBucketResult")
        }
        let objects = root.children(named: "Contents").compactMap { item -> S3ListedObject? in
            guard let key = item.childText("Key") else { return nil }
            return S3ListedObject(
                key: key, size: Int64(item.childText("Size") ?? "") ?? 0,
                etag: item.childText("ETag"),
                lastModified: item.childText("LastModified").flatMap(
                    TemporaryCredentialsDocument.parseISO8601))
        }
        let prefixes = root.children(named: "CommonPrefixes").compactMap { $0.childText("Prefix") }
        let token = root.childText("NextContinuationToken").flatMap { $0.isEmpty ? nil : $0 }
        return S3ListPage(
            objects: objects, commonPrefixes: prefixes,
            isTruncated: root.childText("IsTruncated") == "true", nextContinuationToken: token)
    }

    static func completeBody(_ parts: [S3CompletedPart]) -> Data {
        var xml = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        for part in parts.sorted(by: { $0.partNumber < $1.partNumber }) {
            xml += "<Part><ETag>\(escape(part.etag))</ETag>"
            xml += "<PartNumber>\(part.partNumber)</PartNumber>"
            if let checksum = part.checksumSHA256 {
                xml += "<ChecksumSHA256>\(escape(checksum))</ChecksumSHA256>"
            }
            xml += "</Part>"
        }
        xml += "</CompleteMultipartUpload>"
        return Data(xml.utf8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
