import Foundation

extension EnvelopeHeader {
    /// Checks every field rule of docs/FORMAT.md sections 2.1–2.2.
    ///
    /// Throws ``EnvelopeError/malformedHeader(_:)`` naming the first rule broken, or
    /// ``EnvelopeError/unsupportedVersion(_:)`` when `format` is not 1.
    public func validate() throws {
        guard format == Self.currentFormat else { throw EnvelopeError.unsupportedVersion(format) }
        try Self.validate(snapshotId: snapshotId)
        guard Self.isValidTimestamp(createdAt) else {
            throw EnvelopeError.malformedHeader("createdAt must be YYYY-MM-DDTHH:MM:SSZ in UTC")
        }
        guard cipher == Self.cipherName else {
            throw EnvelopeError.malformedHeader("cipher must be \(Self.cipherName)")
        }
        guard (Self.minimumChunkSize...Self.maximumChunkSize).contains(chunkSize) else {
            throw EnvelopeError.malformedHeader(
                "chunkSize must be between \(Self.minimumChunkSize) and \(Self.maximumChunkSize)")
        }
        guard keyCommitment.count == 32 else {
            throw EnvelopeError.malformedHeader("keyCommitment must be 32 bytes")
        }
        for (index, slot) in keys.enumerated() {
            try validate(slot: slot, index: index)
        }
    }

    private func validate(slot: WrappedKeySlot, index: Int) throws {
        guard !slot.type.isEmpty else {
            throw EnvelopeError.malformedHeader("key slot \(index) has an empty type")
        }
        guard slot.type == WrappedKeySlot.awsKMS else { return }

        guard !slot.region.isEmpty, !slot.keyId.isEmpty, !slot.ciphertext.isEmpty else {
            throw EnvelopeError.malformedHeader(
                "aws-kms key slot \(index) needs a region, a keyId and a ciphertext")
        }
        guard slot.encryptionContext == Self.encryptionContext(snapshotId: snapshotId) else {
            throw EnvelopeError.malformedHeader(
                "aws-kms key slot \(index) has an encryption context for another snapshot")
        }
    }

    static func validate(snapshotId: String) throws {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-".utf8)
        let bytes = Array(snapshotId.utf8)
        guard (1...maximumSnapshotIdLength).contains(bytes.count),
              bytes.allSatisfy({ allowed.contains($0) })
        else {
            throw EnvelopeError.malformedHeader(
                "snapshotId must be 1-\(maximumSnapshotIdLength) characters "
                    + "from A-Z a-z 0-9 . _ : -")
        }
    }

    /// True for exactly `YYYY-MM-DDTHH:MM:SSZ` with plausible field ranges.
    static func isValidTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let layout = Array("dddd-dd-ddTdd:dd:ddZ".utf8)
        for (byte, expected) in zip(bytes, layout) {
            if expected == UInt8(ascii: "d") {
                guard (48...57).contains(byte) else { return false }
            } else if byte != expected {
                return false
            }
        }
        func number(_ range: Range<Int>) -> Int {
            bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        return (1...12).contains(number(5..<7)) && (1...31).contains(number(8..<10))
            && number(11..<13) < 24 && number(14..<16) < 60 && number(17..<19) < 60
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds, fraction dropped).
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400

        // Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)

        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondOfDay / 3600, 2)):"
            + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }
}
