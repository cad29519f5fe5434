import Foundation

/// JSON coding rules of the AWS JSON protocol.
///
/// Blobs are base64 strings (decoded exactly once into `Data`); timestamps are epoch
/// seconds as numbers (strings in ISO 8601 are accepted too when decoding).
enum AWSJSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dataEncodingStrategy = .base64
        encoder.dateEncodingStrategy = .secondsSince1970
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dataDecodingStrategy = .base64
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) {
                return Date(timeIntervalSince1970: seconds)
            }
            let text = try container.decode(String.self)
            if let seconds = Double(text) {
                return Date(timeIntervalSince1970: seconds)
            }
            guard let date = TemporaryCredentialsDocument.parseISO8601(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not an epoch or ISO 8601 timestamp")
            }
            return date
        }
        return decoder
    }

    /// Decodes `data`; the error names the operation and the field path only.
    static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, operation: String
    ) throws -> T {
        let body = data.isEmpty ? Data("{}".utf8) : data
        do {
            return try decoder().decode(type, from: body)
        } catch let error as DecodingError {
            throw AWSError.invalidResponse(
                "could not decode the \(operation) response (\(summary(error)))")
        } catch {
            throw AWSError.invalidResponse("could not decode the \(operation) response")
        }
    }

    /// The kind of problem and the field path, without any value from the body.
    private static func summary(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                .joined(separator: ".")
            return text.isEmpty ? "top level" : text
        }
        switch error {
        case let .keyNotFound(key, context):
            return "missing \(path(context.codingPath + [key]))"
        case let .typeMismatch(_, context), let .valueNotFound(_, context):
            return "wrong type at \(path(context.codingPath))"
        case let .dataCorrupted(context):
            return "invalid data at \(path(context.codingPath))"
        @unknown default:
            return "decoding error"
        }
    }
}

/// An operation output with no fields of interest.
struct EmptyOutput: Decodable {}
