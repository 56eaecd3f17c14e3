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

// A file written over several requests (a tus upload): `<key>.part` until complete(). One
// writer at a time, across processes (flock): another one gets 409 `upload_locked`. What a
// cut connection wrote past the last acknowledged offset is cut off when it is opened again.
class PartFile {
 public:
  PartFile(const PartFile&) = delete;
  PartFile& operator=(const PartFile&) = delete;
  PartFile(PartFile&& other) noexcept;
  ~PartFile();

  Result<void> write(std::string_view bytes);
  // Back to `size` bytes (a chunk whose checksum failed).
  Result<void> truncate(std::uint64_t size);
  std::uint64_t size() const { return size_; }
  Result<void> sync();

 private:
  friend class FileStore;
  PartFile(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// What a whole file hashes to: SHA-256 (hex) and the CRC-32 a zip entry needs.
struct Digest {
  std::string sha256;
  std::uint32_t crc32 = 0;
  std::string head;  // its first 64 bytes
};

class FileStore {
 public:
  explicit FileStore(std::filesystem::path root) : root_(std::move(root)) {}
  Result<Upload> create();
  // `bytes` stored whole under a new key (a rendition). Blocking (fsync).
  Result<std::string> put(std::string_view bytes);
  std::filesystem::path path_of(std::string_view key) const;
  void remove(std::string_view key) const;

  // A new key with an empty part file.
  Result<std::string> reserve_part();
  // The part file of `key`, cut to `offset` bytes and open to write after them.
  Result<PartFile> open_part(std::string_view key, std::uint64_t offset) const;
  // The part file, flushed, under its final name (done already: fine). Blocking (fsync).
  Result<void> complete_part(std::string_view key) const;
  void remove_part(std::string_view key) const;
  // Reads the file of `key` once. Blocking.
  Result<Digest> digest(std::string_view key) const;

 private:
  std::filesystem::path part_of(std::string_view key) const;
  Result<std::string> new_key() const;
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
