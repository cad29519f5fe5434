import BunkerCrypto
import Testing

@Suite struct CryptoKnownAnswerTests {
    @Test func sha256OfEmptyAndABC() {
        #expect(SHA256.hexDigest("") ==
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hexDigest("abc") ==
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func hmacRFC4231Case2() {
        let mac = HMACSHA256.authenticate(key: Array("Jefe".utf8),
                                          message: "what do ya want for nothing?")
        #expect(Hex.encode(mac) ==
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func aesGCMNISTVectorWithAAD() throws {
        // NIST GCM test case 16 (AES-256, 96-bit IV, AAD).
        let key = Hex.decode(
            "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")!
        let nonce = Hex.decode("cafebabefacedbaddecaf888")!
        let plaintext = Hex.decode(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")!
        let aad = Hex.decode("feedfacedeadbeeffeedfacedeadbeefabaddad2")!
        let sealed = try AESGCM.seal(key: key, nonce: nonce, plaintext: plaintext, aad: aad)
        #expect(Hex.encode(sealed.tag) == "76fc6ece0f4e1768cddf8853bb2d551b")
        #expect(Hex.encode(sealed.ciphertext).hasPrefix("522dc1f099567d07f47f37a32a84427d"))
        let opened = try AESGCM.open(key: key, nonce: nonce, ciphertext: sealed.ciphertext,
                                     tag: sealed.tag, aad: aad)
        #expect(opened == plaintext)
    }

    @Test func aesGCMRejectsAFlippedBit() throws {
        let key = SecureRandom.bytes(32)
        let nonce = SecureRandom.bytes(12)
        var sealed = try AESGCM.seal(key: key, nonce: nonce, plaintext: Array("x".utf8), aad: [])
        sealed.ciphertext[0] ^= 1
        #expect(throws: CryptoError.authenticationFailed) {
            try AESGCM.open(key: key, nonce: nonce, ciphertext: sealed.ciphertext,
                            tag: sealed.tag, aad: [])
        }
    }
}
