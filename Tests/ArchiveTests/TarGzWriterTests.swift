@testable import BunkerArchive
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct TarGzWriterTests {
    /// 150 bytes: "ä" is 2 bytes, so 40 of them plus 70 ASCII bytes.
    static let longUTF8Name = "dir/" + String(repeating: "ä", count: 40) + "/"
        + String(repeating: "n", count: 65)

    @Test func roundTrip_manyEntries_preservesNamesAndContents() throws {
        setlocale(LC_ALL, "C")
        let longName = "deep/" + String(repeating: "é", count: 60) + "/"
            + String(repeating: "x", count: 74)
        #expect(longName.utf8.count == 200)
        var expected: [TarEntry] = [
            TarEntry(path: "empty", size: 0, data: Data()),
            TarEntry(path: "big/one-mebibyte.bin", size: 1 << 20,
                     data: ArchiveFixtures.randomData(1 << 20)),
            TarEntry(path: longName, size: 5, data: Data("hello".utf8)),
            TarEntry(path: Self.longUTF8Name, size: 3, data: Data([0, 1, 2])),
        ]
        for index in 0..<50 {
            let data = Data("secret number \(index)\n".utf8)
            expected.append(TarEntry(path: "secrets/s\(index).json", size: data.count, data: data))
        }

        let archive = try ArchiveFixtures.tarGz { writer in
            for entry in expected {
                try writer.addFile(path: entry.path, contents: entry.data,
                                   modified: Date(timeIntervalSince1970: 1_700_000_000.7))
            }
        }

        #expect(try ArchiveFixtures.readAll(archive) == expected)
        #expect(try ArchiveFixtures.readAll(archive, chunk: 1) == expected)
    }

    @Test func nonASCIIName_underCLocale_isWrittenAsUTF8PaxPath() throws {
        setlocale(LC_ALL, "C")
        let name = Self.longUTF8Name
        #expect(name.utf8.count == 150)
        let archive = try ArchiveFixtures.tarGz { writer in
            try writer.addFile(path: name, contents: Data("v".utf8), modified: Date())
        }

        let tar = try ArchiveFixtures.gunzip(archive)
        let record = Data("path=\(name)\n".utf8)
        #expect(tar.range(of: record) != nil)
        #expect(try ArchiveFixtures.readAll(archive).map(\.path) == [name])
    }

    @Test func output_isDeliveredIncrementallyInSmallChunks() throws {
        var chunks = 0
        var largest = 0
        var total = 0
        let writer = TarGzWriter { chunk in
            chunks += 1
            largest = max(largest, chunk.count)
            total += chunk.count
        }
        let payload = ArchiveFixtures.randomData(20 << 20)
        try writer.addFile(path: "noise.bin", contents: payload, modified: Date())
        let beforeFinish = total
        try writer.finish()

        #expect(chunks > 1000)
        #expect(largest <= 64 * 1024)
        #expect(beforeFinish > 19 << 20)
        #expect(total > 20 << 20)
    }

    @Test func output_hasNoPaddingAfterTheGzipStream() throws {
        let archive = try ArchiveFixtures.tarGz { writer in
            try writer.addFile(path: "a", contents: Data("x".utf8), modified: Date())
        }
        // A tiny archive compresses far below one 10 KiB block; padding would show up here.
        #expect(archive.count < 1024)
        #expect(archive.prefix(2) == Data([0x1F, 0x8B]))
    }

    struct SinkFailure: Error, Equatable {}

    @Test func sinkError_isRethrown_andEndsTheWriter() throws {
        let writer = TarGzWriter { _ in throw SinkFailure() }
        #expect(throws: SinkFailure.self) {
            try writer.addFile(path: "big", contents: ArchiveFixtures.randomData(1 << 20),
                               modified: Date())
            try writer.finish()
        }
        #expect(throws: (any Error).self) {
            try writer.addFile(path: "more", contents: Data(), modified: Date())
        }
    }

    @Test func sinkError_duringFinish_isRethrown() throws {
        let writer = TarGzWriter { _ in throw SinkFailure() }
        try writer.addFile(path: "small", contents: Data("x".utf8), modified: Date())
        #expect(throws: SinkFailure.self) { try writer.finish() }
    }

    @Test(arguments: ["", "/etc/passwd", "../x", "a/../b", "a//b", "a/", "./a", "a/.", "a\0b"])
    func badNames_areRejected(name: String) throws {
        var output = Data()
        let writer = TarGzWriter { output.append($0) }
        #expect(throws: ArchiveError.self) {
            try writer.addFile(path: name, contents: Data(), modified: Date())
        }
        // A rejected name leaves the writer usable.
        try writer.addFile(path: "ok", contents: Data(), modified: Date())
        try writer.finish()
        #expect(try ArchiveFixtures.readAll(output).map(\.path) == ["ok"])
    }

    @Test func finish_twice_throwsWriterClosed() throws {
        let writer = TarGzWriter { _ in }
        try writer.finish()
        #expect(throws: ArchiveError.writerClosed) { try writer.finish() }
    }
}
