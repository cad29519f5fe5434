/// Failures reported by the libcrypto wrappers.
public enum CryptoError: Error, CustomStringConvertible, Equatable {
    /// A key, nonce or tag had the wrong length for the algorithm.
    case invalidLength(what: String, expected: Int, got: Int)
    /// AES-GCM authentication failed: the data or its tag was altered, or the key is wrong.
    case authenticationFailed
    /// libcrypto reported an internal error.
    case libcrypto(String)

    public var description: String {
        switch self {
        case let .invalidLength(what, expected, got):
            return "\(what) must be \(expected) bytes, got \(got)"
        case .authenticationFailed:
            return "authentication failed: the data was altered or the key is wrong"
        case let .libcrypto(step):
            return "libcrypto failed during \(step)"
        }
    }
}
