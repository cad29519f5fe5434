import Foundation

/// One-shot helpers for envelopes small enough to hold in memory.
public enum Envelope {
    /// Encrypts `plaintext` into a complete envelope.
    ///
    /// - Throws: the errors of ``EnvelopeWriter/init(header:dataKey:sink:)``.
    public static func seal(
        _ plaintext: Data, header: EnvelopeHeader, dataKey: [UInt8]
    ) throws -> Data {
        var out = Data()
        let writer = try EnvelopeWriter(header: header, dataKey: dataKey) { out.append($0) }
        try writer.write(plaintext)
        try writer.finish()
        return out
    }

    /// Decrypts and fully verifies a complete envelope.
    ///
    /// - Returns: the header and the plaintext; nothing is returned unless every chunk
    ///   verified and the final chunk ended the data.
    /// - Throws: any ``EnvelopeError`` of ``EnvelopeReader``.
    public static func open(
        _ envelope: Data, dataKey: [UInt8], expectedSnapshotId: String? = nil
    ) throws -> (header: EnvelopeHeader, plaintext: Data) {
        let reader = try EnvelopeReader(data: envelope)
        try reader.unlock(dataKey: dataKey, expectedSnapshotId: expectedSnapshotId)
        return (reader.header, try reader.readAll())
    }
}
