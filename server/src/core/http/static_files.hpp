#pragma once
// Serves the built web app from a folder: exact files first; other paths without a file
// extension get index.html (client-side routes). Vite's hashed files under /assets/ are
// cached for a year; everything else is revalidated. Paths never leave the root.
// The web build writes `.br` and `.gz` twins of its text files; the best one the client
// accepts is sent with its Content-Encoding, and `Vary: Accept-Encoding` keeps caches honest.

#include "core/http/http.hpp"

#include <filesystem>
#include <optional>

namespace declic::core::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  Response serve(const Request& req) const;
  // One file under the root (relative, '/'-separated); nullopt when absent or unsafe.
  // `accept_encoding` is the request's Accept-Encoding header.
  std::optional<Response> file(std::string_view relative,
                               std::string_view accept_encoding = {}) const;

 private:
  std::filesystem::path root_;
};

// "a/b.js" is safe; "", "..", "a/../b", absolute paths, NUL bytes and backslashes are not.
bool is_safe_relative_path(std::string_view path);
std::string_view content_type_for(std::string_view path);

}  // namespace declic::core::http
