import CLibCrypto

/// Cryptographically secure random bytes from libcrypto's DRBG.
public enum SecureRandom {
    /// `count` random bytes. Aborts if the system's entropy source fails,
    /// because continuing would produce weak keys.
    public static func bytes(_ count: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        guard count == 0 || RAND_bytes(&output, Int32(count)) == 1 else {
            fatalError("libcrypto RAND_bytes failed: no secure randomness available")
        }
        return output
    }
}
