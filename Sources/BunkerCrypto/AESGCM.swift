import CLibCrypto

/// AES-256-GCM with a 96-bit nonce and a 128-bit tag, over libcrypto's EVP interface.
///
/// Limits: one call handles one whole message in memory; callers that stream
/// (the envelope format) split data into chunks and call once per chunk.
/// The caller is responsible for never reusing a (key, nonce) pair.
public enum AESGCM {
    public static let keyLength = 32
    public static let nonceLength = 12
    public static let tagLength = 16

    /// Encrypts `plaintext`, authenticating it together with `aad`.
    /// - Returns: the ciphertext (same length as the plaintext) and the 16-byte tag.
    public static func seal(
        key: [UInt8], nonce: [UInt8], plaintext: [UInt8], aad: [UInt8]
    ) throws -> (ciphertext: [UInt8], tag: [UInt8]) {
        try check(key: key, nonce: nonce)
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError.libcrypto("context") }
        defer { EVP_CIPHER_CTX_free(context) }

        guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, key, nonce) == 1 else {
            throw CryptoError.libcrypto("encrypt init")
        }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_EncryptUpdate(context, nil, &length, aad, Int32(aad.count)) == 1 else {
                throw CryptoError.libcrypto("aad")
            }
        }
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var written: Int32 = 0
        if !plaintext.isEmpty {
            guard EVP_EncryptUpdate(
                context, &ciphertext, &written, plaintext, Int32(plaintext.count)) == 1
            else { throw CryptoError.libcrypto("encrypt") }
        }
        var finalLength: Int32 = 0
        let finalOK = ciphertext.withUnsafeMutableBufferPointer { buffer in
            EVP_EncryptFinal_ex(context, buffer.baseAddress! + Int(written), &finalLength)
        }
        guard finalOK == 1 else { throw CryptoError.libcrypto("encrypt final") }
        ciphertext.removeLast(ciphertext.count - Int(written + finalLength))

        var tag = [UInt8](repeating: 0, count: tagLength)
        guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagLength), &tag) == 1 else {
            throw CryptoError.libcrypto("get tag")
        }
        return (ciphertext, tag)
    }

    /// Decrypts and authenticates. Throws ``CryptoError/authenticationFailed``
    /// without returning any plaintext when the tag does not match.
    public static func open(
        key: [UInt8], nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8], aad: [UInt8]
    ) throws -> [UInt8] {
        try check(key: key, nonce: nonce)
        guard tag.count == tagLength else {
            throw CryptoError.invalidLength(what: "GCM tag", expected: tagLength, got: tag.count)
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError.libcrypto("context") }
        defer { EVP_CIPHER_CTX_free(context) }

        guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, key, nonce) == 1 else {
            throw CryptoError.libcrypto("decrypt init")
        }
        var length: Int32 = 0
        if !aad.isEmpty {
            guard EVP_DecryptUpdate(context, nil, &length, aad, Int32(aad.count)) == 1 else {
                throw CryptoError.libcrypto("aad")
            }
        }
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count + 16)
        var written: Int32 = 0
        if !ciphertext.isEmpty {
            guard EVP_DecryptUpdate(
                context, &plaintext, &written, ciphertext, Int32(ciphertext.count)) == 1
            else { throw CryptoError.authenticationFailed }
        }
        var mutableTag = tag
        guard EVP_CIPHER_CTX_ctrl(
            context, EVP_CTRL_GCM_SET_TAG, Int32(tagLength), &mutableTag) == 1
        else { throw CryptoError.libcrypto("set tag") }

        var finalLength: Int32 = 0
        let finalOK = plaintext.withUnsafeMutableBufferPointer { buffer in
            EVP_DecryptFinal_ex(context, buffer.baseAddress! + Int(written), &finalLength)
        }
        guard finalOK == 1 else {
            plaintext.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
            throw CryptoError.authenticationFailed
        }
        plaintext.removeLast(plaintext.count - Int(written + finalLength))
        return plaintext
    }

    private static func check(key: [UInt8], nonce: [UInt8]) throws {
        guard key.count == keyLength else {
            throw CryptoError.invalidLength(
                what: "AES-256 key", expected: keyLength, got: key.count)
        }
        guard nonce.count == nonceLength else {
            throw CryptoError.invalidLength(
                what: "GCM nonce", expected: nonceLength, got: nonce.count)
        }
    }
}
