import CCurl
import Foundation

/// An ``HTTPTransport`` built on libcurl easy handles.
///
/// - Safe to use from many threads at once: each `send` takes its own handle
///   from a pool, and handles go back to the pool afterwards so their open
///   connections are reused.
/// - Sends HTTP/1.1 with the path and query bytes exactly as given
///   (`CURLOPT_PATH_AS_IS`), only the caller's headers (libcurl's `Accept`,
///   `Expect` and form `Content-Type` are suppressed), and bodies with a
///   `Content-Length`, never chunked.
/// - Always verifies TLS certificates and host names. Never follows redirects.
/// - `send` blocks the calling thread until the response is complete.
///
/// Limits: connections are cached per pooled handle, not shared between
/// handles, so parallel requests open parallel connections.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked Sendable: `configuration` is immutable and `pool` locks itself.
    private let configuration: HTTPConfiguration
    private let pool: HandlePool

    public init(configuration: HTTPConfiguration = .init()) {
        self.configuration = configuration
        self.pool = HandlePool(capacity: configuration.maxIdleConnections)
    }

    public func send(
        _ request: HTTPRequest, bodySink: ((Data) throws -> Void)?
    ) throws -> HTTPResponse {
        try request.validateForCurl()
        let initCode = ccurl_global_init_once()
        guard initCode == CURLE_OK else {
            throw HTTPError.network(
                code: Int(initCode.rawValue),
                message: "curl_global_init failed: \(CurlErrorMapping.libcurlText(initCode))"
            )
        }

        let handle = try pool.take()
        let headerList = try HeaderList(lines: request.curlHeaderLines)
        let context = TransferContext(sink: bodySink)
        let payload: Data
        if case let .bytes(data) = request.body { payload = data } else { payload = Data() }

        return try withExtendedLifetime((headerList, context, payload)) {
            // Reset before the list, context and body can be freed: the handle
            // points into all three until then.
            defer { pool.giveBack(handle) }

            return try payload.withUnsafeBytes { bodyBytes in
                try configure(handle, for: request, headers: headerList, context: context)
                try setMethod(handle, for: request, body: bodyBytes)
                return try perform(handle, request: request, context: context)
            }
        }
    }

    private func perform(
        _ handle: EasyHandle, request: HTTPRequest, context: TransferContext
    ) throws -> HTTPResponse {
        let code = curl_easy_perform(handle.raw)

        if let sinkError = context.sinkError {
            throw HTTPError.aborted(underlying: sinkError)
        }
        guard code == CURLE_OK else {
            let micros = handle.largeInfo(CURLINFO_TOTAL_TIME_T) ?? 0
            throw CurlErrorMapping.error(
                code: code, detail: context.errorText, request: request,
                elapsed: Double(micros) / 1_000_000
            )
        }

        let status = context.status != 0
            ? context.status : handle.info(CURLINFO_RESPONSE_CODE) ?? 0
        return HTTPResponse(status: status, headers: context.headers, body: context.body)
    }

    /// Everything except the method and body.
    private func configure(
        _ handle: EasyHandle, for request: HTTPRequest, headers: HeaderList,
        context: TransferContext
    ) throws {
        try handle.restrictToHTTP()
        try handle.set(CURLOPT_URL, request.curlURL)
        try handle.set(CURLOPT_PATH_AS_IS, 1)
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        try handle.set(CURLOPT_TCP_KEEPALIVE, 1)

        try handle.set(CURLOPT_SSL_VERIFYPEER, 1)
        try handle.set(CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundle = configuration.caBundle {
            try handle.set(CURLOPT_CAINFO, caBundle)
        }

        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout))
        try handle.set(CURLOPT_TIMEOUT_MS, milliseconds(configuration.requestTimeout))
        if configuration.lowSpeedLimit > 0 {
            try handle.set(CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedLimit)
            try handle.set(CURLOPT_LOW_SPEED_TIME, max(1, Int(configuration.lowSpeedTime)))
        }

        try handle.set(CURLOPT_USERAGENT, configuration.userAgent)
        try handle.setHeaders(headers)
        try handle.set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(context.errorBuffer))

        try handle.set(CURLOPT_HEADERDATA, pointer: context.pointer)
        try handle.set(CURLOPT_HEADERFUNCTION, function: { buffer, size, count, opaque in
            guard let buffer, let opaque else { return 0 }
            let length = size * count
            let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
            TransferContext.from(opaque).receiveHeaderLine(bytes)
            return length
        })
        try handle.set(CURLOPT_WRITEDATA, pointer: context.pointer)
        try handle.set(CURLOPT_WRITEFUNCTION, function: { buffer, size, count, opaque in
            guard let buffer, let opaque else { return 0 }
            let length = size * count
            let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
            // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR.
            return TransferContext.from(opaque).receiveBody(bytes) ? length : 0
        })
    }

    /// The request line's method and the body.
    ///
    /// A body (or a PUT, POST or PATCH, even when empty) goes through libcurl's
    /// POST mode with a known size, renamed with `CURLOPT_CUSTOMREQUEST`, so it
    /// always has `Content-Length` and libcurl can resend it on a fresh
    /// connection by itself. `body` must stay valid until the transfer ends.
    private func setMethod(
        _ handle: EasyHandle, for request: HTTPRequest, body: UnsafeRawBufferPointer
    ) throws {
        let method = request.method
        if method == "HEAD" {
            guard body.isEmpty else {
                throw HTTPError.invalidRequest("a HEAD request cannot carry a body")
            }
            try handle.set(CURLOPT_NOBODY, 1)
            return
        }

        let sendsBody = !body.isEmpty || ["PUT", "POST", "PATCH"].contains(method)
        guard sendsBody else {
            try handle.set(CURLOPT_HTTPGET, 1)
            if method != "GET" {
                try handle.set(CURLOPT_CUSTOMREQUEST, method)
            }
            return
        }

        try handle.set(CURLOPT_POST, 1)
        try handle.set(CURLOPT_POSTFIELDSIZE_LARGE, large: Int64(body.count))
        if let base = body.baseAddress, !body.isEmpty {
            try handle.set(CURLOPT_POSTFIELDS, pointer: UnsafeMutableRawPointer(mutating: base))
        } else {
            // An empty body: libcurl copies the (zero) bytes, so no pointer must outlive us.
            try handle.set(CURLOPT_COPYPOSTFIELDS, "")
        }
        if method != "POST" {
            try handle.set(CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private func milliseconds(_ seconds: TimeInterval) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }
}
