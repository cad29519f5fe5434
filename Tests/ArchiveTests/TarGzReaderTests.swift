@testable import BunkerArchive
import Foundation
import Testing

@Suite struct TarGzReaderTests {
    typealias Raw = ArchiveFixtures.RawEntry

    static func valid() throws -> Data {
        try ArchiveFixtures.tarGz { writer in
            try writer.addFile(path: "a.txt", contents: Data("alpha\n".utf8), modified: Date())
            try writer.addFile(path: "b/noise.bin", contents: ArchiveFixtures.randomData(300_000),
                               modified: Date())
            try writer.addFile(path: "c.txt", contents: Data("gamma\n".utf8), modified: Date())
        }
    }

    /// Reads `archive` to the end and returns the error, which must be an `ArchiveError`.
    static func failure(_ archive: Data, chunk: Int = 4096) -> ArchiveError? {
        do {
            _ = try ArchiveFixtures.readAll(archive, chunk: chunk)
            return nil
        } catch let error as ArchiveError {
            return error
        } catch {
            Issue.record("unexpected error type \(type(of: error))")
            return nil
        }
    }

    @Test func craftedPlainEntries_areRead() throws {
        let archive = try ArchiveFixtures.craft([Raw(path: "x", contents: Data("1".utf8))])
        #expect(try ArchiveFixtures.readAll(archive).map(\.path) == ["x"])
    }

    @Test(arguments: ["../x", "/etc/x", "a/../../x", "a//b"])
    func unsafeNames_areRejected(name: String) throws {
        let archive = try ArchiveFixtures.craft([Raw(path: name, contents: Data("1".utf8))])
        guard case let .invalidPath(path, _) = Self.failure(archive) else {
            Issue.record("expected invalidPath")
            return
        }
        #expect(path == name)
    }

    @Test func symlink_isRejectedByName() throws {
        let archive = try ArchiveFixtures.craft([
            Raw(path: "ok", contents: Data("1".utf8)),
            Raw(path: "link", type: 0o120000, linkTarget: "/etc/shadow"),
        ])
        let error = Self.failure(archive)
        #expect(error == .unsupportedEntryType(path: "link", type: "symbolic link"))
        #expect(error?.description.contains("\"link\"") == true)
    }

    @Test func hardlink_directory_andDevice_areRejected() throws {
        let hardlink = try ArchiveFixtures.craft([
            Raw(path: "ok", contents: Data("1".utf8)), Raw(path: "hl", hardlink: "ok"),
        ])
        #expect(Self.failure(hardlink) == .unsupportedEntryType(path: "hl", type: "hard link"))

        let directory = try ArchiveFixtures.craft([Raw(path: "dir", type: 0o040000)])
        #expect(Self.failure(directory) == .unsupportedEntryType(path: "dir/", type: "directory"))

        let device = try ArchiveFixtures.craft([Raw(path: "dev", type: 0o020000)])
        #expect(Self.failure(device)
            == .unsupportedEntryType(path: "dev", type: "character device"))
    }

    @Test func truncatedGzip_isAnError_atEveryCutPoint() throws {
        let archive = try Self.valid()
        let cuts = [10, 100, archive.count / 2, archive.count - 100, archive.count - 9,
                    archive.count - 4, archive.count - 1]
        for cut in cuts {
            let error = Self.failure(archive.prefix(cut))
            guard case .truncated = error else {
                Issue.record("cut at \(cut) of \(archive.count) gave \(String(describing: error))")
                continue
            }
        }
    }

    @Test func trailingGarbage_isRejected() throws {
        let archive = try Self.valid()
        for garbage in [Data([0]), Data("x".utf8), Data(repeating: 0, count: 512),
                        Data(repeating: 0x41, count: 100_000)] {
            let error = Self.failure(archive + garbage)
            guard case .trailingData = error else {
                Issue.record("garbage of \(garbage.count) bytes gave \(String(describing: error))")
                continue
            }
        }
    }

    @Test func secondGzipMember_isRejected() throws {
        let archive = try Self.valid()
        let appendedArchive = try ArchiveFixtures.tarGz { writer in
            try writer.addFile(path: "evil", contents: Data("x".utf8), modified: Date())
        }
        let emptyMember = try ArchiveFixtures.gzipMember(Data())
        let zeroMember = try ArchiveFixtures.gzipMember(Data(repeating: 0, count: 10240))
        for member in [appendedArchive, emptyMember, zeroMember] {
            let error = Self.failure(archive + member)
            #expect(error == .gzipTrailerMismatch || {
                if case .trailingData = error { return true }
                return false
            }(), "second member gave \(String(describing: error))")
        }
    }

    @Test func corruptedByte_isRejected_anywhere() throws {
        let archive = try Self.valid()
        let positions = [archive.count / 4, archive.count / 2, archive.count * 3 / 4,
                         archive.count - 8, archive.count - 3]
        for position in positions {
            var damaged = archive
            damaged[position] ^= 0x5A
            #expect(Self.failure(damaged) != nil, "flip at \(position) was accepted")
        }
    }

    @Test func uncompressedTar_isRejected() throws {
        let tar = try ArchiveFixtures.craft([Raw(path: "x", contents: Data("1".utf8))],
                                            gzip: false)
        #expect(Self.failure(tar) == .notGzip)
    }

    @Test func oversizedEntry_isRejected() throws {
        let archive = try ArchiveFixtures.tarGz { writer in
            try writer.addFile(path: "big", contents: Data(count: 2000), modified: Date())
        }
        #expect(throws: ArchiveError.entryTooLarge(path: "big", size: 2000, limit: 1000)) {
            _ = try ArchiveFixtures.readAll(archive, maxEntrySize: 1000)
        }
    }

    struct SourceFailure: Error {}

    @Test func sourceError_isRethrown() throws {
        let archive = try Self.valid()
        let inner = ArchiveFixtures.sliced(archive, chunk: 1000)
        var calls = 0
        let reader = TarGzReader { wanted in
            calls += 1
            if calls > 2 { throw SourceFailure() }
            return try inner(wanted)
        }
        #expect(throws: SourceFailure.self) {
            while try reader.next() != nil {}
        }
        // The reader stays failed.
        #expect(throws: SourceFailure.self) { _ = try reader.next() }
    }

    @Test func emptyInput_isAnError() {
        #expect(Self.failure(Data()) != nil)
    }

    @Test func errorDescriptions_doNotContainFileContents() throws {
        let secret = "TOP-SECRET-CANARY-\(UInt64.random(in: 0...UInt64.max))"
        let archive = try ArchiveFixtures.craft([
            Raw(path: "ok", contents: Data(secret.utf8)),
            Raw(path: "../escape", contents: Data(secret.utf8)),
        ])
        let error = Self.failure(archive)
        #expect(error != nil)
        #expect(error?.description.contains(secret) == false)
    }
}
