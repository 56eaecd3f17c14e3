#include "core/http/static_files.hpp"

#include "core/error/error.hpp"
#include "core/http/field_values.hpp"
#include "core/http/router.hpp"

#include <array>
#include <fstream>
#include <sstream>

namespace declic::core::http {

namespace {
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

std::string_view extension(std::string_view path) {
  const auto slash = path.rfind('/');
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot + 1);
}
std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  return body.str();
}

struct Encoding {
  std::string_view coding;
  std::string_view suffix;
};
constexpr std::array<Encoding, 2> kEncodings{{{"br", ".br"}, {"gzip", ".gz"}}};
}  // namespace

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/') return false;
  if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos)
    return false;
  for (auto segment : split_path(path))
    if (segment == ".." || segment == "." || segment.front() == '.') return false;
  return !path.ends_with('/');
}

std::string_view content_type_for(std::string_view path) {
  const auto ext = extension(path);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json";
  if (ext == "webmanifest") return "application/manifest+json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "yaml" || ext == "yml") return "application/yaml";
  return "application/octet-stream";
}

// Small files from the page cache: reading them inline costs microseconds.
std::optional<Response> StaticFiles::file(std::string_view relative,
                                          std::string_view accept_encoding) const {
  if (!is_safe_relative_path(relative)) return std::nullopt;
  const auto path = root_ / std::filesystem::path(std::string(relative));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;

  auto served = path;
  std::string_view coding;
  bool has_twin = false;
  for (const auto& e : kEncodings) {
    auto twin = path;
    twin += e.suffix;
    if (!std::filesystem::is_regular_file(twin, ec)) continue;
    has_twin = true;
    if (coding.empty() && accepts_encoding(accept_encoding, e.coding)) {
      served = std::move(twin);
      coding = e.coding;
    }
  }
  auto res = Response::text(200, read_whole(served), std::string(content_type_for(relative)));
  res.set("Cache-Control", std::string(relative.starts_with("assets/") ? kImmutable : kRevalidate));
  if (has_twin) res.set("Vary", "Accept-Encoding");
  if (!coding.empty()) res.set("Content-Encoding", std::string(coding));
  return res;
}

Response StaticFiles::serve(const Request& req) const {
  std::string_view relative = req.path;
  while (relative.starts_with('/')) relative.remove_prefix(1);
  if (relative.empty()) relative = "index.html";
  const auto encodings = req.header("accept-encoding");
  if (auto res = file(relative, encodings)) return std::move(*res);
  // A client-side route (no extension) gets the app shell; a missing asset is a 404.
  if (extension(relative).empty() && is_safe_relative_path(relative))
    if (auto shell = file("index.html", encodings)) return std::move(*shell);
  return Response::problem(Error::not_found("file"));
}

}  // namespace declic::core::http
