import BunkerArchive
import CArchive
import Foundation

/// Helpers that build archives in memory, including hostile ones libarchive can craft.
enum ArchiveFixtures {
    /// Runs `body` with a writer whose output is collected into one `Data`.
    static func tarGz(_ body: (TarGzWriter) throws -> Void) throws -> Data {
        var output = Data()
        let writer = TarGzWriter { output.append($0) }
        try body(writer)
        try writer.finish()
        return output
    }

    /// Reads every entry of `archive`, handing it out in `chunk`-sized pieces.
    static func readAll(_ archive: Data, chunk: Int = 4096,
                        maxEntrySize: Int = 64 << 20) throws -> [TarEntry] {
        let reader = TarGzReader(source: sliced(archive, chunk: chunk), maxEntrySize: maxEntrySize)
        var entries: [TarEntry] = []
        while let entry = try reader.next() { entries.append(entry) }
        return entries
    }

    /// A pull source over `data` that never returns more than `chunk` or the requested bytes.
    static func sliced(_ data: Data, chunk: Int) -> (Int) throws -> Data? {
        var offset = data.startIndex
        return { wanted in
            guard offset < data.endIndex else { return nil }
            let end = min(data.endIndex, offset + min(wanted, chunk))
            defer { offset = end }
            return data.subdata(in: offset..<end)
        }
    }

    /// Random bytes (incompressible).
    static func randomData(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var words = [UInt64](repeating: 0, count: (count + 7) / 8)
        for index in words.indices { words[index] = generator.next() }
        return words.withUnsafeBytes { Data($0.prefix(count)) }
    }

    /// One entry for ``craft(_:gzip:)``.
    struct RawEntry {
        var path: String
        var type: UInt32 = 0o100000
        var contents = Data()
        var linkTarget: String?
        var hardlink: String?
    }

    /// Builds a pax tar (gzip-compressed unless `gzip` is false) straight with libarchive.
    static func craft(_ entries: [RawEntry], gzip: Bool = true) throws -> Data {
        try writeWithLibarchive(format: { archive_write_set_format_pax_restricted($0) },
                                gzip: gzip) { archive in
            for raw in entries {
                let entry = archive_entry_new()
                defer { archive_entry_free(entry) }
                archive_entry_set_pathname_utf8(entry, raw.path)
                archive_entry_set_filetype(entry, raw.type)
                archive_entry_set_perm(entry, 0o644)
                archive_entry_set_size(entry, Int64(raw.contents.count))
                if let target = raw.linkTarget { archive_entry_set_symlink_utf8(entry, target) }
                if let target = raw.hardlink {
                    archive_entry_set_hardlink_utf8(entry, target)
                    archive_entry_set_size(entry, 0)
                }
                guard archive_write_header(archive, entry) == ARCHIVE_OK else {
                    throw FixtureError.libarchive(String(cString: archive_error_string(archive)))
                }
                if !raw.contents.isEmpty, raw.hardlink == nil {
                    _ = raw.contents.withUnsafeBytes {
                        archive_write_data(archive, $0.baseAddress, $0.count)
                    }
                }
            }
        }
    }

    /// A complete gzip member whose decompressed content is `payload`.
    static func gzipMember(_ payload: Data) throws -> Data {
        try writeWithLibarchive(format: { archive_write_set_format_raw($0) }, gzip: true) {
            archive in
            let entry = archive_entry_new()
            defer { archive_entry_free(entry) }
            archive_entry_set_pathname(entry, "raw")
            archive_entry_set_filetype(entry, 0o100000)
            archive_entry_set_size(entry, Int64(payload.count))
            guard archive_write_header(archive, entry) == ARCHIVE_OK else {
                throw FixtureError.libarchive(String(cString: archive_error_string(archive)))
            }
            if !payload.isEmpty {
                _ = payload.withUnsafeBytes {
                    archive_write_data(archive, $0.baseAddress, $0.count)
                }
            }
        }
    }

    /// Decompresses a gzip stream with libarchive (no verification), for inspecting headers.
    static func gunzip(_ data: Data) throws -> Data {
        let archive = archive_read_new()
        defer { archive_read_free(archive) }
        archive_read_support_filter_gzip(archive)
        archive_read_support_format_raw(archive)
        var output = Data()
        try data.withUnsafeBytes { bytes in
            guard archive_read_open_memory(archive, bytes.baseAddress, bytes.count) == ARCHIVE_OK
            else { throw FixtureError.libarchive("open") }
            var entry: OpaquePointer?
            guard archive_read_next_header(archive, &entry) == ARCHIVE_OK
            else { throw FixtureError.libarchive("header") }
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = archive_read_data(archive, &buffer, buffer.count)
                if count < 0 { throw FixtureError.libarchive("data") }
                if count == 0 { break }
                output.append(contentsOf: buffer[0..<count])
            }
        }
        return output
    }

    private static func writeWithLibarchive(format: (OpaquePointer?) -> Int32, gzip: Bool,
                                            _ body: (OpaquePointer?) throws -> Void) throws
        -> Data {
        let archive = archive_write_new()
        defer { archive_write_free(archive) }
        _ = format(archive)
        if gzip { archive_write_add_filter_gzip(archive) }
        archive_write_set_bytes_in_last_block(archive, 1)

        var buffer = [UInt8](repeating: 0, count: 4 << 20)
        var used = 0
        try buffer.withUnsafeMutableBytes { bytes in
            guard archive_write_open_memory(archive, bytes.baseAddress, bytes.count, &used)
                == ARCHIVE_OK
            else { throw FixtureError.libarchive("open") }
            try body(archive)
            guard archive_write_close(archive) == ARCHIVE_OK
            else { throw FixtureError.libarchive("close") }
        }
        return Data(buffer[0..<used])
    }

    enum FixtureError: Error { case libarchive(String) }
}
