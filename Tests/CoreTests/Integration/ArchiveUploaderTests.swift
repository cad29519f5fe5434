import BunkerAWS
import BunkerCore
import BunkerCrypto
import Foundation
import Testing
import TestSupport

/// Multipart uploads of large archives against moto, as the least-privilege user.
@Suite(.enabled(if: MotoWorld.isAvailable))
struct ArchiveUploaderTests {
    static let bucket = "acme-dr-primary"

    static func s3(_ environment: [String: String]) throws -> S3Client {
        try AWSServices(environment: environment).s3(region: "eu-north-1")
    }

    /// The `bunker` user's client, after the admin made sure the bucket exists.
    static func bunkerS3(_ world: MotoWorld, environment: [String: String]? = nil) throws -> S3Client {
        do {
            try s3(world.adminEnvironment).createBucket(bucket)
        } catch let error as AWSError where error.code == "BucketAlreadyExists" {
            // Created by a parallel test.
        }
        return try s3(environment ?? world.bunkerEnvironment)
    }

    /// 13 MiB of random bytes in uneven pieces: two full 5 MiB parts and a short last one.
    static func pieces() -> [Data] {
        var generator = SystemRandomNumberGenerator()
        return (0..<13).map { index in
            Data((0..<(1 << 20) + index * 7).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
    }

    @Test func largeArchive_goesUpInPartsWithChecksums_andMatchesItsOwnDigest() throws {
        let world = try #require(MotoWorld.current)
        let s3 = try Self.bunkerS3(world)
        let key = "uploader-tests/\(UUID().uuidString).bkr"
        let uploader = ArchiveUploader(s3: s3, bucket: Self.bucket, key: key, partSize: 5 << 20)
        let pieces = Self.pieces()
        for piece in pieces { try uploader.write(piece) }
        let result = try uploader.finish()

        let all = pieces.reduce(into: Data()) { $0.append($1) }
        #expect(result.size == all.count)
        #expect(result.sha256 == Hex.encode(SHA256.hash(all)))
        #expect(result.parts == 3)
        let stored = try s3.getObject(bucket: Self.bucket, key: key)
        #expect(stored == all)

        // If-None-Match: a second upload to the same key must not replace it.
        let again = ArchiveUploader(s3: s3, bucket: Self.bucket, key: key, partSize: 5 << 20)
        try again.write(Data("replacement".utf8))
        #expect(throws: AWSError.self) { try again.finish() }
        #expect(try s3.getObject(bucket: Self.bucket, key: key) == all)
    }

    @Test func failingPart_abortsTheUpload_andLeavesNoParts() throws {
        let world = try #require(MotoWorld.current)
        let proxy = try FaultProxy(world: world)
        try proxy.setRules([.init(service: "s3", action: "UploadPart", fault: "unavailable", after: 1)])
        var environment = proxy.route(world.bunkerEnvironment)
        environment["AWS_MAX_ATTEMPTS"] = "2"
        let s3 = try Self.bunkerS3(world, environment: environment)
        let key = "uploader-tests/\(UUID().uuidString).bkr"

        let uploader = ArchiveUploader(s3: s3, bucket: Self.bucket, key: key, partSize: 5 << 20)
        #expect(throws: AWSError.self) {
            for piece in Self.pieces() { try uploader.write(piece) }
        }
        uploader.abort()

        let admin = try Self.s3(world.adminEnvironment)
        #expect(try admin.listMultipartUploads(bucket: Self.bucket, prefix: key).isEmpty)
        #expect(try admin.headObject(bucket: Self.bucket, key: key) == nil)
    }
}
