#pragma once
// The file store: bytes under DATA_DIR, in names the server makes up (`ab/cdef…` from a
// random id), never in a path a user chose. A file is written to a temporary name beside its
// place and renamed there once whole and flushed, so a crash leaves no half file under a
// final name (a temporary one at most, which nothing refers to). Thread-safe.

#include "core/error/error.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace declic::core::storage {

// A file being written. Destroyed without commit(), it takes its temporary file with it.
class Upload {
 public:
  Upload(const Upload&) = delete;
  Upload& operator=(const Upload&) = delete;
  Upload(Upload&& other) noexcept;
  ~Upload();

  Result<void> write(std::string_view bytes);
  std::uint64_t size() const { return size_; }
  // The first bytes written (up to 64), to tell the type by content.
  std::string_view head() const { return head_; }
  std::string sha256_hex();
  // Flushes it to disk and gives it its final name: the storage key. Blocking (fsync).
  Result<std::string> commit();

 private:
  friend class FileStore;
  Upload(int fd, std::filesystem::path temp, std::filesystem::path final_path, std::string key);
  struct Hash;
  int fd_ = -1;
  std::filesystem::path temp_, final_;
  std::string key_;
  std::uint64_t size_ = 0;
  std::string head_;
  std::unique_ptr<Hash> hash_;
};

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}
  Result<Upload> create();
  std::filesystem::path path_of(std::string_view key) const;
  void remove(std::string_view key) const;

 private:
  std::filesystem::path root_;
};

// The type of a file told by its first bytes: "image/jpeg", "image/png", "image/webp",
// "image/heic", "image/tiff", "application/pdf"; nullopt for anything else.
std::optional<std::string> sniff_mime(std::string_view head);

// A name safe to show and to send back in Content-Disposition: the last path component,
// without control characters, at most 255 bytes of UTF-8; "file" when nothing is left.
std::string safe_file_name(std::string_view name);

// Short-lived capability links (`?exp=…&sig=…`): HMAC-SHA256 over what the link names and its
// expiry, with a key of its own derived from the server's secret.
class LinkSigner {
 public:
  explicit LinkSigner(std::string_view secret);
  // `exp` (unix seconds) and `sig` for `subject` ("<file id>:<variant>").
  std::string sign(std::string_view subject, std::int64_t exp) const;
  bool valid(std::string_view subject, std::int64_t exp, std::string_view sig,
             std::int64_t now) const;

 private:
  std::string key_;
};

}  // namespace declic::core::storage
