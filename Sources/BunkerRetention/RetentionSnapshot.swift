import Foundation

/// One snapshot as the retention rules see it: its id, when it was made, and whether it is good.
///
/// Ids should be unique. Entries that share an id share one decision (see
/// ``RetentionEvaluator/evaluate(_:policy:now:)``), because deletion works by id.
public struct RetentionSnapshot: Hashable, Sendable {
    /// The snapshot id, for example `20261203T213700Z-3f9a1c`. Breaks ties between equal times:
    /// the larger id is the newer snapshot.
    public var id: String

    /// When the snapshot was made, as an instant; every calendar rule reads it in UTC.
    ///
    /// The time must be finite and within a few million years of 1970; other values trap.
    public var createdAt: Date

    /// `true` when the snapshot was uploaded, verified and listed in the catalog; `false` for a
    /// failed leftover (an archive with no catalog record).
    public var isGood: Bool

    /// `false` for a good snapshot that is partial: some selected secrets could not be read
    /// and it holds only the others.
    public var isComplete: Bool

    /// Creates a snapshot description.
    ///
    /// - Parameters:
    ///   - id: The snapshot id; sorts in time order.
    ///   - createdAt: The creation time.
    ///   - isGood: Whether the snapshot is in the catalog (good) or a failed leftover.
    ///   - isComplete: Whether it captured every selected secret.
    public init(id: String, createdAt: Date, isGood: Bool, isComplete: Bool = true) {
        self.id = id
        self.createdAt = createdAt
        self.isGood = isGood
        self.isComplete = isComplete
    }

    /// Whether this snapshot is newer than `other`: a later time, or the same time and a larger id.
    public func isNewer(than other: RetentionSnapshot) -> Bool {
        if createdAt != other.createdAt { return createdAt > other.createdAt }
        return id > other.id
    }
}
