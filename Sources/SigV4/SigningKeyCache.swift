import BunkerCrypto
import Foundation

/// Derived signing keys of one region and service, remembered per secret and scope date.
///
/// The derivation costs four HMACs; a daemon signs many requests a day with the same key.
/// Holds at most `capacity` keys and forgets all of them when full. Thread-safe.
final class SigningKeyCache: @unchecked Sendable {
    private struct Key: Hashable {
        let secret: String
        let scopeDate: String
    }

    private let region: String
    private let service: String
    private let capacity = 8
    private let lock = NSLock()
    private var keys: [Key: [UInt8]] = [:]

    init(region: String, service: String) {
        self.region = region
        self.service = service
    }

    /// The signing key for `secret` on `scopeDate` (`YYYYMMDD`).
    func key(secret: String, scopeDate: String) -> [UInt8] {
        let cacheKey = Key(secret: secret, scopeDate: scopeDate)
        if let known = lock.withLock({ keys[cacheKey] }) {
            return known
        }

        let derived = Self.derive(
            secret: secret, scopeDate: scopeDate, region: region, service: service)
        lock.withLock {
            if keys.count >= capacity {
                keys.removeAll()
            }
            keys[cacheKey] = derived
        }
        return derived
    }

    /// The HMAC chain `"AWS4" + secret` → date → region → service → `aws4_request`.
    static func derive(
        secret: String, scopeDate: String, region: String, service: String
    ) -> [UInt8] {
        let secretKey = Array(("AWS4" + secret).utf8)
        let dateKey = HMACSHA256.authenticate(key: secretKey, message: scopeDate)
        let regionKey = HMACSHA256.authenticate(key: dateKey, message: region)
        let serviceKey = HMACSHA256.authenticate(key: regionKey, message: service)
        return HMACSHA256.authenticate(key: serviceKey, message: SigV4Constants.terminator)
    }
}
