import Foundation

/// The moment a restore goes back to: `--at WHEN`.
///
/// Accepted forms:
/// - an ISO 8601 instant with `Z` or an offset (`2026-11-20T23:00:00Z`,
///   `2026-11-21T00:00:00+01:00`, fractions allowed);
/// - a bare date `YYYY-MM-DD`, meaning the **end of that day in UTC**
///   (`2026-11-20` is `2026-11-20T23:59:59Z`), so the newest snapshot of that day is used;
/// - `latest`, the newest good snapshot;
/// - a snapshot id (`20261120T230000Z-3f9a1c`), that snapshot exactly.
public enum PointInTime: Equatable, Sendable {
    /// A moment; `text` is what the operator typed, `fromDate` whether it was a bare date.
    case instant(Date, text: String, fromDate: Bool)
    /// The newest good snapshot.
    case latest
    /// One snapshot by id.
    case snapshot(SnapshotID)

    /// Parses `text`.
    ///
    /// - Throws: ``BunkerError/invalidPointInTime(_:)`` naming the accepted forms.
    public static func parse(_ text: String) throws -> PointInTime {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "latest" { return .latest }
        if let id = SnapshotID(trimmed) { return .snapshot(id) }
        if let date = Timestamps.endOfUTCDay(trimmed) {
            return .instant(date, text: trimmed, fromDate: true)
        }
        if let date = Timestamps.parseInstant(trimmed) {
            return .instant(date, text: trimmed, fromDate: false)
        }
        throw BunkerError.invalidPointInTime(text)
    }

    /// The instant this resolves to, when it is one (for "resolved to …" messages).
    public var instant: Date? {
        if case let .instant(date, _, _) = self { return date }
        return nil
    }

    /// The newest good snapshot taken at or before this point, from `catalog` (any order).
    ///
    /// - Throws: ``BunkerError/snapshotNotFound(_:)`` when the catalog is empty or the id is
    ///   unknown; ``BunkerError/nothingBefore(requested:earliestId:earliestTime:)`` when
    ///   every snapshot is newer than the instant.
    public func select(from catalog: [CatalogEntry]) throws -> CatalogEntry {
        let sorted = catalog.sorted { $0.id < $1.id }
        guard let newest = sorted.last, let earliest = sorted.first else {
            throw BunkerError.snapshotNotFound("any (the store has no snapshots yet)")
        }
        switch self {
        case .latest:
            return newest
        case let .snapshot(id):
            guard let entry = sorted.first(where: { $0.id == id.rawValue }) else {
                throw BunkerError.snapshotNotFound(id.rawValue)
            }
            return entry
        case let .instant(date, _, _):
            let candidates = sorted.filter { entry in
                Timestamps.parseInstant(entry.time).map { $0 <= date } ?? false
            }
            guard let chosen = candidates.last else {
                throw BunkerError.nothingBefore(
                    requested: Timestamps.iso8601(date), earliestId: earliest.id,
                    earliestTime: earliest.time)
            }
            return chosen
        }
    }
}
