#pragma once
// Files as responses: an open file sent with sendfile(2) by the server, with the validators
// and ranges of RFC 9110 — a strong ETag from size and modification time, If-None-Match →
// 304, a single `Range: bytes=…` → 206 (several ranges, or a malformed header: the whole
// file, as the RFC allows), an unsatisfiable one → 416 with `Content-Range: bytes */size`,
// and If-Range honoured. Paths come from the caller, never from the request.

#include "core/http/http.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace declic::core::http {

class File {
 public:
  // Opens a regular file for reading; nullopt when it does not exist or is not one.
  static std::shared_ptr<const File> open(const std::filesystem::path& path);
  ~File();
  File(const File&) = delete;
  File& operator=(const File&) = delete;

  int fd() const { return fd_; }
  std::uint64_t size() const { return size_; }
  const std::string& etag() const { return etag_; }  // with its quotes

 private:
  File(int fd, std::uint64_t size, std::string etag)
      : fd_(fd), size_(size), etag_(std::move(etag)) {}
  int fd_;
  std::uint64_t size_;
  std::string etag_;
};

struct ByteRange {
  std::uint64_t first = 0, length = 0;
};

// `Range` against a body of `size` bytes: nullopt when the whole body is to be sent (no
// header, several ranges, not bytes, malformed); a range of length 0 when unsatisfiable.
std::optional<ByteRange> parse_range(std::string_view header, std::uint64_t size);

// Whether an If-None-Match list names `etag` (or is "*"); weak comparison, RFC 9110 13.1.2.
bool etag_matches(std::string_view if_none_match, std::string_view etag);

struct FileReply {
  std::string content_type;
  std::string cache_control = "private, no-cache";
  std::optional<std::string> disposition;  // full Content-Disposition value
};

// `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266): an ASCII fallback, and the
// name itself percent-encoded.
std::string content_disposition(std::string_view name);

// The file as a response to `req` (GET or HEAD): 200, 206, 304 or 416.
Response file_response(const Request& req, std::shared_ptr<const File> file,
                       const FileReply& reply);

// Bytes made while they are sent (a zip) with the same validators and ranges: `open(first,
// length)` gives the source of the part to send.
using SourceAt =
    std::function<std::shared_ptr<BodySource>(std::uint64_t first, std::uint64_t length)>;
Response source_response(const Request& req, std::uint64_t size, const std::string& etag,
                         const SourceAt& open, const FileReply& reply);

}  // namespace declic::core::http
