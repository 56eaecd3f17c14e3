#pragma once
// Answers compressed on the way out: a JSON, text or calendar body of 1 KiB or more is sent
// gzipped when the request accepts gzip. A phone on a slow network waits for bytes, not for
// the few hundred microseconds gzip takes. Bodies already encoded (static files' twins),
// files and streams are left as they are.

#include "core/http/http.hpp"

#include <string>
#include <string_view>

namespace declic::core::http {

inline constexpr std::size_t kCompressFrom = 1024;

// Gzips `res.body` in place (Content-Encoding, Vary) when it is worth it and allowed.
void compress(Response& res, std::string_view accept_encoding);

// `data` as a gzip member (RFC 1952); empty when zlib fails.
std::string gzip(std::string_view data);

}  // namespace declic::core::http
