import Foundation

/// Progress lines for long runs, drawn on standard error only when it is a terminal.
///
/// Messages carry counts and phases only, never secret names or values.
public final class ProgressReporter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    /// - Parameter enabled: pass `isatty(2) != 0 && !json` from the command line.
    public init(enabled: Bool) { self.enabled = enabled }

    /// Redraws the status line, at most ten times a second unless `force` is set.
    public func update(_ text: String, force: Bool = false) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    /// Clears the status line.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
