import CCurl
import Foundation

/// The state libcurl's callbacks write into during one `curl_easy_perform`.
///
/// It is handed to C as an unretained `Unmanaged` pointer; the sender keeps it
/// alive (`withExtendedLifetime`) until the transfer is over and the handle reset.
/// All callbacks run on the thread that called `curl_easy_perform`.
final class TransferContext {
    private let sink: ((Data) throws -> Void)?

    /// Status of the last status line seen; `0` until one arrives.
    private(set) var status = 0

    /// Headers of the last response only (interim 1xx responses are dropped).
    private(set) var headers: [(name: String, value: String)] = []

    /// The collected body; stays empty when the body went to the sink.
    private(set) var body = Data()

    /// The error the sink threw, which stopped the transfer.
    private(set) var sinkError: Error?

    /// Whether the body goes to the sink; decided at the first body bytes.
    private var streaming: Bool?

    /// Buffer for `CURLOPT_ERRORBUFFER`, `CURL_ERROR_SIZE` bytes.
    let errorBuffer: UnsafeMutablePointer<CChar>
    private let errorBufferSize: Int

    init(sink: ((Data) throws -> Void)?) {
        self.sink = sink
        errorBufferSize = ccurl_error_buffer_size()
        errorBuffer = .allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// libcurl's own message for the last failure, or "" when it left none.
    var errorText: String {
        errorBuffer[errorBufferSize - 1] = 0
        return String(cString: errorBuffer)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var pointer: UnsafeMutableRawPointer {
        Unmanaged.passUnretained(self).toOpaque()
    }

    static func from(_ pointer: UnsafeMutableRawPointer) -> TransferContext {
        Unmanaged<TransferContext>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Takes one raw header line as libcurl delivers it (with its CRLF).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self)
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))

        if line.hasPrefix("HTTP/") {
            // A new response starts: a 1xx before it, or a proxy's CONNECT reply.
            let fields = line.split(separator: " ", maxSplits: 2)
            status = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            headers = []
            return
        }
        if line.isEmpty {
            return
        }
        if line.first == " " || line.first == "\t" {
            // Obsolete line folding: the line continues the previous value.
            guard let last = headers.popLast() else { return }
            let more = line.trimmingCharacters(in: .whitespaces)
            headers.append((last.name, last.value + " " + more))
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        headers.append((name, value))
    }

    /// Takes body bytes; returns false when the sink threw and the transfer must stop.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if streaming == nil {
            streaming = sink != nil && (200..<300).contains(status)
        }
        guard streaming == true, let sink else {
            body.append(contentsOf: bytes)
            return true
        }
        guard !bytes.isEmpty else { return true }
        do {
            try sink(Data(bytes))
            return true
        } catch {
            sinkError = error
            return false
        }
    }
}
