#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs libarchive calls with a UTF-8 character type on the calling thread only.
///
/// libarchive 3.6 converts entry names through the process locale. Under `LC_ALL=C` it cannot
/// turn a non-ASCII UTF-8 name into a pax `path` record (it fails, and some versions crash).
/// Switching the *thread* locale with `uselocale` for the duration of each call avoids that
/// without touching the process-wide locale other threads rely on.
enum UTF8Locale {
    /// A locale whose `LC_CTYPE` is UTF-8, or `nil` if the system has none.
    private static let locale: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let locale = newlocale(LC_CTYPE_MASK, name, nil) { return locale }
        }
        return nil
    }()

    /// Whether UTF-8 names can be written as standard pax records.
    static var isAvailable: Bool { locale != nil }

    /// Runs `body` with the UTF-8 locale installed on this thread, then restores the old one.
    ///
    /// Callbacks that libarchive makes from inside `body` (sinks, sources) also see it.
    static func run<T>(_ body: () throws -> T) rethrows -> T {
        guard let locale else { return try body() }
        let previous = uselocale(locale)
        defer { uselocale(previous) }
        return try body()
    }
}
