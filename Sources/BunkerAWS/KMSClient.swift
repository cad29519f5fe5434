import Foundation

/// Typed KMS operations over an ``AWSClient`` (JSON protocol, target `TrentService`).
///
/// Plaintext keys are returned as `[UInt8]` so callers can zero them; they never appear in
/// errors.
public struct KMSClient: Sendable {
    /// The underlying client (service `.kms`).
    public let client: AWSClient
    private static let target = "TrentService"

    /// Wraps `client`, which must be for ``AWSService/kms``.
    public init(client: AWSClient) {
        self.client = client
    }

    /// A fresh data key.
    public struct DataKey: Sendable, CustomStringConvertible {
        /// The key in plaintext; zero it when done. Never logged.
        public var plaintext: [UInt8]
        /// The key encrypted under the KMS key.
        public var ciphertextBlob: Data
        /// The ARN of the KMS key used.
        public var keyId: String

        public var description: String { "DataKey(\(keyId), plaintext <redacted>)" }
    }

    /// Metadata of a KMS key.
    public struct KeyMetadata: Decodable, Sendable {
        public var keyId: String
        public var arn: String?
        public var enabled: Bool?
        public var keyState: String?
        public var keyUsage: String?
        public var keySpec: String?
        public var description: String?
        public var multiRegion: Bool?

        enum CodingKeys: String, CodingKey {
            case keyId = "KeyId", arn = "Arn", enabled = "Enabled", keyState = "KeyState"
            case keyUsage = "KeyUsage", keySpec = "KeySpec", description = "Description"
            case multiRegion = "MultiRegion"
        }
    }

    /// A data key (`AES_256` by default) under `keyId`, bound to `encryptionContext`.
    public func generateDataKey(
        keyId: String, keySpec: String = "AES_256", encryptionContext: [String: String] = [:]
    ) throws -> DataKey {
        struct Input: Encodable {
            var KeyId: String
            var KeySpec: String
            var EncryptionContext: [String: String]?
        }
        struct Output: Decodable {
            var CiphertextBlob: Data
            var Plaintext: Data
            var KeyId: String
        }
        let output: Output = try call("GenerateDataKey", Input(
            KeyId: keyId, KeySpec: keySpec,
            EncryptionContext: encryptionContext.isEmpty ? nil : encryptionContext))
        return DataKey(
            plaintext: [UInt8](output.Plaintext), ciphertextBlob: output.CiphertextBlob,
            keyId: output.KeyId)
    }

    /// Encrypts up to 4096 bytes under `keyId`; returns the ciphertext blob.
    public func encrypt(
        keyId: String, plaintext: [UInt8], encryptionContext: [String: String] = [:]
    ) throws -> Data {
        struct Input: Encodable {
            var KeyId: String
            var Plaintext: Data
            var EncryptionContext: [String: String]?
        }
        struct Output: Decodable {
            var CiphertextBlob: Data
        }
        let output: Output = try call("Encrypt", Input(
            KeyId: keyId, Plaintext: Data(plaintext),
            EncryptionContext: encryptionContext.isEmpty ? nil : encryptionContext))
        return output.CiphertextBlob
    }

    /// Decrypts a ciphertext blob; pass `keyId` to insist on the expected key.
    public func decrypt(
        ciphertextBlob: Data, encryptionContext: [String: String] = [:], keyId: String? = nil
    ) throws -> [UInt8] {
        struct Input: Encodable {
            var CiphertextBlob: Data
            var EncryptionContext: [String: String]?
            var KeyId: String?
        }
        struct Output: Decodable {
            var Plaintext: Data
        }
        let output: Output = try call("Decrypt", Input(
            CiphertextBlob: ciphertextBlob,
            EncryptionContext: encryptionContext.isEmpty ? nil : encryptionContext,
            KeyId: keyId))
        return [UInt8](output.Plaintext)
    }

    /// The key's metadata (state, spec, ARN).
    public func describeKey(keyId: String) throws -> KeyMetadata {
        struct Input: Encodable {
            var KeyId: String
        }
        struct Output: Decodable {
            var KeyMetadata: KMSClient.KeyMetadata
        }
        let output: Output = try call("DescribeKey", Input(KeyId: keyId))
        return output.KeyMetadata
    }

    private func call<Output: Decodable>(
        _ operation: String, _ input: some Encodable
    ) throws -> Output {
        try client.json(targetPrefix: Self.target, operation: operation, input: input)
    }
}
