// Typed wrappers around libcurl's variadic calls.
//
// Swift cannot call C variadic functions, so `curl_easy_setopt` and
// `curl_easy_getinfo` are exposed here as one small function per argument
// kind. Everything else in libcurl (easy_init, perform, reset, slists) is
// plain C and is called from Swift directly through this header.
#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Runs `curl_global_init(CURL_GLOBAL_ALL)` exactly once per process, however
/// many threads call it. Returns the result of that single call.
CURLcode ccurl_global_init_once(void);

/// `curl_easy_setopt` for options that take a `long`.
CURLcode ccurl_setopt_long(CURL *_Nonnull handle, CURLoption option, long value);

/// `curl_easy_setopt` for options that take a `curl_off_t` (the `_LARGE` ones).
CURLcode ccurl_setopt_off(CURL *_Nonnull handle, CURLoption option, curl_off_t value);

/// `curl_easy_setopt` for options that take a C string. libcurl copies strings
/// (except `CURLOPT_POSTFIELDS`, which must use `ccurl_setopt_pointer`).
CURLcode ccurl_setopt_string(
    CURL *_Nonnull handle, CURLoption option, const char *_Nullable value);

/// `curl_easy_setopt` for options that take a pointer the caller keeps alive
/// for as long as the handle uses it: `CURLOPT_POSTFIELDS`, `*DATA`
/// contexts, `CURLOPT_ERRORBUFFER`. Takes `void *` so Swift raw pointers pass
/// without rebinding.
CURLcode ccurl_setopt_pointer(
    CURL *_Nonnull handle, CURLoption option, void *_Nullable value);

/// `curl_easy_setopt` for `CURLOPT_HTTPHEADER`. The list must outlive the transfer.
CURLcode ccurl_setopt_headers(CURL *_Nonnull handle, struct curl_slist *_Nullable list);

/// `curl_easy_setopt` for `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION`.
CURLcode ccurl_setopt_data_function(
    CURL *_Nonnull handle, CURLoption option, curl_write_callback _Nullable function);

/// Limits the handle to the `http` and `https` schemes (no file://, ftp://,
/// and none after a redirect either). Uses `CURLOPT_PROTOCOLS_STR` when the
/// installed libcurl has it, the older bitmask option otherwise.
CURLcode ccurl_restrict_to_http(CURL *_Nonnull handle);

/// `curl_easy_getinfo` for values of type `long` (e.g. `CURLINFO_RESPONSE_CODE`).
CURLcode ccurl_getinfo_long(CURL *_Nonnull handle, CURLINFO info, long *_Nonnull value);

/// `curl_easy_getinfo` for values of type `curl_off_t` (the `_T` timers, in microseconds).
CURLcode ccurl_getinfo_off(
    CURL *_Nonnull handle, CURLINFO info, curl_off_t *_Nonnull value);

/// The size libcurl needs for `CURLOPT_ERRORBUFFER` (`CURL_ERROR_SIZE`).
size_t ccurl_error_buffer_size(void);

#ifdef __cplusplus
}
#endif

#endif
