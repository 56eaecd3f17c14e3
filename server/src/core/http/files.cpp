#include "core/http/files.hpp"

#include "core/http/field_values.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace declic::core::http {

namespace {

std::optional<std::uint64_t> number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string content_range(std::uint64_t first, std::uint64_t length, std::uint64_t size) {
  return "bytes " + std::to_string(first) + "-" + std::to_string(first + length - 1) + "/" +
         std::to_string(size);
}

}  // namespace

std::shared_ptr<const File> File::open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return nullptr;
  }
  // Size and modification time, in nanoseconds: any rewrite of the file changes it.
  char etag[64];
  std::snprintf(etag, sizeof etag, "\"%llx-%llx%09lx\"",
                static_cast<unsigned long long>(st.st_size),
                static_cast<unsigned long long>(st.st_mtim.tv_sec), st.st_mtim.tv_nsec);
  return std::shared_ptr<const File>(new File(fd, static_cast<std::uint64_t>(st.st_size), etag));
}

File::~File() {
  ::close(fd_);
}

std::optional<ByteRange> parse_range(std::string_view header, std::uint64_t size) {
  header = trim_ows(header);
  if (!header.starts_with("bytes=")) return std::nullopt;
  auto spec = trim_ows(header.substr(6));
  if (spec.find(',') != std::string_view::npos) return std::nullopt;
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto first_text = trim_ows(spec.substr(0, dash));
  const auto last_text = trim_ows(spec.substr(dash + 1));
  if (first_text.empty()) {  // a suffix: the last N bytes
    auto n = number(last_text);
    if (!n) return std::nullopt;
    if (*n == 0 || size == 0) return ByteRange{0, 0};
    const auto length = std::min(*n, size);
    return ByteRange{size - length, length};
  }
  auto first = number(first_text);
  if (!first) return std::nullopt;
  std::uint64_t last = size ? size - 1 : 0;
  if (!last_text.empty()) {
    auto l = number(last_text);
    if (!l || *l < *first) return std::nullopt;
    last = std::min(*l, last);
  }
  if (*first >= size) return ByteRange{0, 0};
  return ByteRange{*first, last - *first + 1};
}

bool etag_matches(std::string_view list, std::string_view etag) {
  const auto opaque = [](std::string_view t) {
    t = trim_ows(t);
    if (t.starts_with("W/")) t.remove_prefix(2);
    return t;
  };
  if (trim_ows(list) == "*") return true;
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (opaque(list.substr(0, comma)) == opaque(etag)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

namespace {
// The validators and ranges of a body of `size` bytes tagged `etag`; `body(status, first,
// length)` makes the response that carries the bytes to send.
template <class MakeBody>
Response ranged(const Request& req, std::uint64_t size, const std::string& etag,
                const FileReply& reply, MakeBody body) {
  Response res;
  res.set("ETag", etag);
  res.set("Cache-Control", reply.cache_control);
  res.set("Accept-Ranges", "bytes");
  if (etag_matches(req.header("if-none-match"), etag)) {
    res.status = 304;
    return res;
  }
  if (reply.disposition) res.set("Content-Disposition", *reply.disposition);
  auto range = parse_range(req.header("range"), size);
  // If-Range: the range only if the client's copy is still this one.
  if (range && !req.header("if-range").empty() && req.header("if-range") != etag) range.reset();
  if (range && range->length == 0) {
    auto refused = Response::problem(Error::range_not_satisfiable());
    refused.set("Content-Range", "bytes */" + std::to_string(size));
    return refused;
  }
  const auto first = range ? range->first : 0;
  const auto length = range ? range->length : size;
  auto out = body(range ? 206 : 200, first, length);
  out.headers = std::move(res.headers);
  if (range) out.set("Content-Range", content_range(first, length, size));
  return out;
}
}  // namespace

Response file_response(const Request& req, std::shared_ptr<const File> file,
                       const FileReply& reply) {
  const auto size = file->size();
  const auto etag = file->etag();
  return ranged(req, size, etag, reply, [&](int status, std::uint64_t first, std::uint64_t length) {
    return Response::from_file(status, FileRange{std::move(file), first, length},
                               reply.content_type);
  });
}

Response source_response(const Request& req, std::uint64_t size, const std::string& etag,
                         const SourceAt& open, const FileReply& reply) {
  return ranged(req, size, etag, reply, [&](int status, std::uint64_t first, std::uint64_t length) {
    return Response::streamed(status, open(first, length), length, reply.content_type);
  });
}

std::string content_disposition(std::string_view name) {
  std::string ascii, encoded;
  for (unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace declic::core::http
