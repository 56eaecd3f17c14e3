#include "core/http/compression.hpp"

#include "core/http/field_values.hpp"

#include <zlib.h>

namespace declic::core::http {

namespace {

constexpr int kLevel = 5;                 // most of level 9's gain at a third of its cost
constexpr int kGzipWindowBits = 15 + 16;  // +16: a gzip header and trailer, not zlib's

bool compressible(std::string_view content_type) {
  return content_type.starts_with("application/json") ||
         content_type.starts_with("application/problem+json") ||
         content_type.starts_with("application/yaml") || content_type.starts_with("text/");
}

}  // namespace

std::string gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, kLevel, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return status == Z_STREAM_END ? out : std::string();
}

void compress(Response& res, std::string_view accept_encoding) {
  if (res.file || res.source || res.body.size() < kCompressFrom) return;
  if (!res.header("content-encoding").empty() || !compressible(res.content_type)) return;
  if (res.header("vary").empty()) res.set("Vary", "Accept-Encoding");
  if (!accepts_encoding(accept_encoding, "gzip")) return;
  auto packed = gzip(res.body);
  if (packed.empty() || packed.size() >= res.body.size()) return;
  res.body = std::move(packed);
  res.set("Content-Encoding", "gzip");
}

}  // namespace declic::core::http
