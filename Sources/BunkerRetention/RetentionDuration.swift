import Foundation

/// The fixed length of a `within` rule, written as `<integer><unit>` groups such as `48h`,
/// `1d12h` or `90d`.
///
/// Units: `m` (minutes), `h` (hours), `d` (24 hours), `w` (7 days). Calendar months and years are
/// not allowed because their length varies; use the `monthly`/`yearly` rules or days (`365d`).
/// Each unit may appear once, in any order; the total must be between 1 minute and
/// ``maximumMinutes``. Two durations are equal when they are equally long, however written.
public struct RetentionDuration: Hashable, Sendable, CustomStringConvertible {
    /// The longest duration accepted: 100000 days, in minutes.
    public static let maximumMinutes = 100_000 * 24 * 60

    /// The length in minutes.
    public let minutes: Int

    /// The text as written (for example `48h`); used in reasons such as `within 48h`.
    public let text: String

    /// The length in seconds.
    public var seconds: TimeInterval { TimeInterval(minutes) * 60 }

    /// Same as ``text``.
    public var description: String { text }

    /// Parses a duration such as `48h`, `1d12h` or `90d`.
    ///
    /// - Parameter text: The duration text; no spaces, signs or fractions.
    /// - Throws: ``RetentionDurationError`` saying what is wrong with `text`.
    public init(_ text: String) throws(RetentionDurationError) {
        self.minutes = try Self.parseMinutes(text)
        self.text = text
    }

    /// A duration of `count` minutes, written `<count>m`. Traps unless the length is in range.
    public static func minutes(_ count: Int) -> RetentionDuration { make(count, 1, "m") }

    /// A duration of `count` hours, written `<count>h`. Traps unless the length is in range.
    public static func hours(_ count: Int) -> RetentionDuration { make(count, 60, "h") }

    /// A duration of `count` days, written `<count>d`. Traps unless the length is in range.
    public static func days(_ count: Int) -> RetentionDuration { make(count, 1440, "d") }

    /// A duration of `count` weeks, written `<count>w`. Traps unless the length is in range.
    public static func weeks(_ count: Int) -> RetentionDuration { make(count, 10_080, "w") }

    public static func == (lhs: RetentionDuration, rhs: RetentionDuration) -> Bool {
        lhs.minutes == rhs.minutes
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(minutes) }

    private init(minutes: Int, text: String) {
        self.minutes = minutes
        self.text = text
    }

    private static func make(_ count: Int, _ minutesPerUnit: Int, _ unit: String)
        -> RetentionDuration
    {
        precondition(
            count > 0 && count <= maximumMinutes / minutesPerUnit,
            "RetentionDuration: \(count)\(unit) is outside 1 minute ... 100000 days")
        return RetentionDuration(minutes: count * minutesPerUnit, text: "\(count)\(unit)")
    }
}

// MARK: - Parsing

extension RetentionDuration {
    private static let minutesPerUnit: [String: Int] = ["m": 1, "h": 60, "d": 1440, "w": 10_080]
    private static let calendarUnits: Set<String> = [
        "M", "mo", "mon", "month", "months", "y", "Y", "yr", "yrs", "year", "years",
    ]

    private static func parseMinutes(_ text: String) throws(RetentionDurationError) -> Int {
        guard !text.isEmpty else { throw .empty }

        var total = 0
        var seenUnits: Set<String> = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            let unit = rest.dropFirst(digits.count).prefix { $0.isASCII && $0.isLetter }
            guard !digits.isEmpty, !unit.isEmpty else { throw .malformed(text) }

            let unitText = String(unit)
            if calendarUnits.contains(unitText) { throw .calendarUnit(text, unit: unitText) }
            guard let perUnit = minutesPerUnit[unitText] else {
                throw .unknownUnit(text, unit: unitText)
            }
            guard seenUnits.insert(unitText).inserted else {
                throw .repeatedUnit(text, unit: unitText)
            }

            // More than nine digits cannot be in range and could overflow below.
            guard digits.count <= 9, let count = Int(digits) else { throw .tooLong(text) }
            total += count * perUnit
            guard total <= maximumMinutes else { throw .tooLong(text) }

            rest = rest.dropFirst(digits.count + unit.count)
        }

        guard total > 0 else { throw .zero(text) }
        return total
    }
}

/// Why a `within` duration text was rejected.
public enum RetentionDurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text is not a sequence of `<integer><unit>` groups.
    case malformed(String)
    /// The text uses a calendar unit (months or years), whose length varies.
    case calendarUnit(String, unit: String)
    /// The text uses a unit other than `m`, `h`, `d`, `w`.
    case unknownUnit(String, unit: String)
    /// The text names the same unit twice.
    case repeatedUnit(String, unit: String)
    /// The duration is zero long.
    case zero(String)
    /// The duration is longer than 100000 days.
    case tooLong(String)

    private static let expected =
        "expected one or more <integer><unit> groups such as 48h, 1d12h "
        + "or 90d, with units m (minutes), h (hours), d (days), w (weeks)"

    public var description: String {
        switch self {
        case .empty:
            return "the duration is empty; \(Self.expected)"
        case .malformed(let text):
            return "\"\(text)\" is not a duration; \(Self.expected), "
                + "with no spaces, signs or fractions"
        case .calendarUnit(let text, let unit):
            return "\"\(text)\" uses the calendar unit \"\(unit)\": months and years vary in "
                + "length, so they are not allowed in within; use the monthly/yearly rules, "
                + "or days such as 365d"
        case .unknownUnit(let text, let unit):
            return "\"\(text)\" uses the unknown unit \"\(unit)\"; \(Self.expected)"
        case .repeatedUnit(let text, let unit):
            return "\"\(text)\" names the unit \"\(unit)\" twice; write each unit once, e.g. 1d12h"
        case .zero(let text):
            return "\"\(text)\" is zero long; give a positive duration, or leave within out"
        case .tooLong(let text):
            return "\"\(text)\" is longer than 100000 days, the longest duration accepted"
        }
    }
}
