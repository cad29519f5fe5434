import CCurl
import Foundation

/// Owns one libcurl easy handle (`CURL *`) and frees it on deinit.
///
/// A handle keeps its connection cache across `curl_easy_reset`, which is what
/// makes pooling handles give connection reuse.
final class EasyHandle {
    let raw: UnsafeMutableRawPointer

    init() throws {
        guard let raw = curl_easy_init() else {
            throw HTTPError.network(
                code: Int(CURLE_FAILED_INIT.rawValue),
                message: "curl_easy_init failed; the process may be out of memory"
            )
        }
        self.raw = raw
    }

    deinit {
        curl_easy_cleanup(raw)
    }

    /// `curl_easy_setopt` with a `long`.
    func set(_ option: CURLoption, _ value: Int) throws {
        try check(ccurl_setopt_long(raw, option, value), option)
    }

    /// `curl_easy_setopt` with a `curl_off_t`.
    func set(_ option: CURLoption, large value: Int64) throws {
        try check(ccurl_setopt_off(raw, option, curl_off_t(value)), option)
    }

    /// `curl_easy_setopt` with a string; libcurl keeps its own copy.
    func set(_ option: CURLoption, _ value: String) throws {
        try check(ccurl_setopt_string(raw, option, value), option)
    }

    /// `curl_easy_setopt` with a pointer the caller keeps alive during the transfer.
    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws {
        try check(ccurl_setopt_pointer(raw, option, pointer), option)
    }

    /// `curl_easy_setopt` with a write or header callback.
    func set(_ option: CURLoption, function: curl_write_callback) throws {
        try check(ccurl_setopt_data_function(raw, option, function), option)
    }

    /// `CURLOPT_HTTPHEADER`; `list` must outlive the transfer.
    func setHeaders(_ list: HeaderList) throws {
        try check(ccurl_setopt_headers(raw, list.raw), CURLOPT_HTTPHEADER)
    }

    /// `CURLOPT_PROTOCOLS_STR` and `CURLOPT_REDIR_PROTOCOLS_STR` set to http and https.
    func restrictToHTTP() throws {
        try check(ccurl_restrict_to_http(raw), CURLOPT_PROTOCOLS_STR)
    }

    /// `curl_easy_getinfo` for a `long`; `nil` when libcurl has no value.
    func info(_ info: CURLINFO) -> Int? {
        var value = 0
        return ccurl_getinfo_long(raw, info, &value) == CURLE_OK ? value : nil
    }

    /// `curl_easy_getinfo` for a `curl_off_t`; `nil` when libcurl has no value.
    func largeInfo(_ info: CURLINFO) -> Int64? {
        var value: curl_off_t = 0
        return ccurl_getinfo_off(raw, info, &value) == CURLE_OK ? Int64(value) : nil
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws {
        guard code != CURLE_OK else { return }
        throw HTTPError.network(
            code: Int(code.rawValue),
            message: "libcurl rejected option \(option.rawValue): "
                + CurlErrorMapping.libcurlText(code)
        )
    }
}

/// Owns a `curl_slist` of header lines and frees it on deinit.
final class HeaderList {
    private(set) var raw: UnsafeMutablePointer<curl_slist>?

    init(lines: [String]) throws {
        for line in lines {
            guard let extended = curl_slist_append(raw, line) else {
                throw HTTPError.network(
                    code: Int(CURLE_OUT_OF_MEMORY.rawValue),
                    message: "curl_slist_append failed; the process may be out of memory"
                )
            }
            raw = extended
        }
    }

    deinit {
        curl_slist_free_all(raw)
    }
}
