import BunkerCrypto
import Foundation

/// Identifies one snapshot: `<UTC time>-<random>`, e.g. `20261203T213700Z-3f9a1c`.
///
/// Ids sort in time order as plain strings, carry no secret names, and are
/// unique even when two appliances start in the same second.
public struct SnapshotID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// A new id for a snapshot taken at `date`.
    public init(date: Date, random: [UInt8] = SecureRandom.bytes(3)) {
        rawValue = "\(Timestamps.compact(date))-\(Hex.encode(random))"
    }

    /// Validates text given by a user or read from the store.
    public init?(_ text: String) {
        let pattern = #"^\d{8}T\d{6}Z-[0-9a-f]{6}$"#
        guard text.range(of: pattern, options: .regularExpression) != nil else { return nil }
        rawValue = text
    }

    public var description: String { rawValue }

    public static func < (lhs: SnapshotID, rhs: SnapshotID) -> Bool { lhs.rawValue < rhs.rawValue }
}
