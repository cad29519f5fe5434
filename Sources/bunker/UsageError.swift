/// A mistake on the command line.
struct UsageError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { "\(message)\nRun `bunker --help` for usage." }
}
