import Foundation

extension EnvelopeHeader {
    /// The 8-byte magic that starts every envelope: ASCII `BUNKRENV`.
    public static let magic: [UInt8] = Array("BUNKRENV".utf8)
    /// Bytes before the header JSON: magic, u16 version, u32 length.
    public static let prefixLength = 14

    /// The header JSON exactly as writers emit it (compact, sorted members).
    public func canonicalJSON() -> Data {
        let slots: [CanonicalJSON.Value] = keys.map { slot in
            .object([
                ("type", .string(slot.type)),
                ("region", .string(slot.region)),
                ("keyId", .string(slot.keyId)),
                ("encryptionContext", .object(
                    slot.encryptionContext.map { ($0.key, .string($0.value)) })),
                ("ciphertext", .string(slot.ciphertext.base64EncodedString())),
            ])
        }
        let object = CanonicalJSON.Value.object([
            ("format", .integer(format)),
            ("snapshotId", .string(snapshotId)),
            ("createdAt", .string(createdAt)),
            ("cipher", .string(cipher)),
            ("chunkSize", .integer(chunkSize)),
            ("keyCommitment", .string(keyCommitment.base64EncodedString())),
            ("keys", .array(slots)),
        ])
        return Data(CanonicalJSON.encode(object))
    }

    /// The encoded header: magic, u16 BE version, u32 BE JSON length, JSON.
    ///
    /// Does not validate; ``EnvelopeWriter`` validates before writing. A header whose JSON
    /// exceeds ``maximumHeaderLength`` is rejected by readers.
    public func encode() -> Data {
        let json = canonicalJSON()
        var out = Data(Self.magic)
        out.append(contentsOf: [UInt8(truncatingIfNeeded: format >> 8),
                                UInt8(truncatingIfNeeded: format)])
        let length = UInt32(truncatingIfNeeded: json.count)
        out.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) })
        out.append(json)
        return out
    }

    /// Decodes an encoded header at the start of `data` (which may continue with chunks).
    ///
    /// - Returns: the validated header and the number of bytes it occupies.
    /// - Throws: ``EnvelopeError/badMagic``, ``EnvelopeError/unsupportedVersion(_:)`` or
    ///   ``EnvelopeError/malformedHeader(_:)``.
    public static func decode(from data: Data) throws -> (header: EnvelopeHeader, length: Int) {
        var offset = data.startIndex
        let header = try read { count in
            guard offset < data.endIndex else { return nil }
            let end = min(data.endIndex, offset + count)
            defer { offset = end }
            return data[offset..<end]
        }
        return (header, offset - data.startIndex)
    }

    /// Reads exactly the encoded header from `source` (which returns up to n bytes, nil at
    /// end) and validates it. Reads nothing past the header.
    static func read(from source: (Int) throws -> Data?) throws -> EnvelopeHeader {
        let magic = try readExactly(8, from: source)
        guard magic.count == 8, Array(magic) == Self.magic else { throw EnvelopeError.badMagic }

        let fields = [UInt8](try readExactly(6, from: source))
        guard fields.count == 6 else {
            throw EnvelopeError.malformedHeader("the object ends inside the header prefix")
        }
        let version = Int(fields[0]) << 8 | Int(fields[1])
        guard version == currentFormat else { throw EnvelopeError.unsupportedVersion(version) }
        let length = fields[2...5].reduce(0) { $0 << 8 | Int($1) }
        guard (1...maximumHeaderLength).contains(length) else {
            throw EnvelopeError.malformedHeader(
                "header length \(length) is outside 1...\(maximumHeaderLength)")
        }

        let json = try readExactly(length, from: source)
        guard json.count == length else {
            throw EnvelopeError.malformedHeader("the object ends inside the header JSON")
        }
        let header: EnvelopeHeader
        do {
            header = try JSONDecoder().decode(EnvelopeHeader.self, from: json)
        } catch let DecodingError.keyNotFound(key, _) {
            throw EnvelopeError.malformedHeader("header JSON lacks the member \(key.stringValue)")
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw EnvelopeError.malformedHeader("header JSON member \(path) has the wrong type")
        } catch {
            throw EnvelopeError.malformedHeader("header is not valid UTF-8 JSON for format 1")
        }
        guard header.format == version else {
            throw EnvelopeError.malformedHeader(
                "JSON format \(header.format) differs from binary version \(version)")
        }
        try header.validate()
        return header
    }

    /// Reads until `count` bytes or end of stream; returns fewer only at end of stream.
    static func readExactly(_ count: Int, from source: (Int) throws -> Data?) throws -> Data {
        var out = Data()
        while out.count < count {
            guard let piece = try source(count - out.count), !piece.isEmpty else { break }
            out.append(piece)
        }
        return out
    }
}
