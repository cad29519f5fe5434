import CCurl
import Foundation

/// Turns a failed `curl_easy_perform` into an ``HTTPError``.
enum CurlErrorMapping {
    /// Codes for a connection that broke mid-request; sending again is safe.
    static let retryableNetworkCodes: Set<Int> = codes(
        CURLE_PARTIAL_FILE, CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR,
        CURLE_HTTP2, CURLE_HTTP2_STREAM
    )

    static let connectCodes: Set<Int> = codes(
        CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT
    )

    static let tlsCodes: Set<Int> = codes(
        CURLE_SSL_CONNECT_ERROR, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
        CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_PEER_FAILED_VERIFICATION,
        CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_CACERT_BADFILE,
        CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
        CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT
    )

    /// Builds the error for `code`.
    ///
    /// - Parameters:
    ///   - detail: the text libcurl left in the handle's error buffer, may be empty.
    ///   - elapsed: seconds the transfer ran, reported for timeouts.
    static func error(
        code: CURLcode, detail: String, request: HTTPRequest, elapsed: TimeInterval
    ) -> HTTPError {
        let number = Int(code.rawValue)
        let message = detail.isEmpty ? libcurlText(code) : detail

        if code == CURLE_OPERATION_TIMEDOUT {
            return .timeout(url: request.loggableURL, seconds: elapsed)
        }
        if connectCodes.contains(number) {
            return .connect(host: request.hostHeader, message: message)
        }
        if tlsCodes.contains(number) {
            return .tls(message: "\(request.hostHeader): \(message)")
        }
        return .network(code: number, message: "\(request.loggableURL): \(message)")
    }

    /// `curl_easy_strerror` as a Swift string.
    static func libcurlText(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }

    private static func codes(_ list: CURLcode...) -> Set<Int> {
        Set(list.map { Int($0.rawValue) })
    }
}
