/// The percent-encoding AWS uses in canonical requests (its `UriEncode`).
///
/// RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) are kept; every other byte of the
/// UTF-8 text becomes `%XX` with upper-case hex. A space is `%20`, never `+`.
public enum AWSURIEncoding {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `text` encoded byte by byte; `/` is kept as is when `encodeSlash` is false (paths).
    public static func encode(_ text: String, encodeSlash: Bool = true) -> String {
        encode(bytes: Array(text.utf8), encodeSlash: encodeSlash)
    }

    /// Raw bytes encoded as `encode(_:encodeSlash:)` does; bytes need not be valid UTF-8.
    static func encode(bytes: [UInt8], encodeSlash: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if isUnreserved(byte) || (byte == UInt8(ascii: "/") && !encodeSlash) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of `text` with every valid `%XX` escape decoded. A `%` that does not start
    /// a valid escape is kept as a literal `%`; `+` stays a plus.
    static func decode(_ text: some StringProtocol) -> [UInt8] {
        let input = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
