import Foundation

/// Writes command results: human text or one JSON document on standard output,
/// messages on standard error.
struct Output {
    let json: Bool

    /// Prints a value as pretty JSON with sorted keys.
    func printJSON<Value: Encodable>(_ value: Value) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return }
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Prints a line of text to standard output.
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints a diagnostic to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data("bunker: \(text)\n".utf8))
    }

    /// `1 secret`, `2 secrets`: a count with its noun, singular or plural.
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? noun : plural ?? noun + "s")
    }

    /// A size in bytes for people: `12.3 KiB`.
    static func size(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f", value) + " " + units[unit]
    }
}
