#include "core/storage/storage.hpp"

#include "core/auth/tokens.hpp"

#include <sodium.h>

#include <zlib.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace declic::core::storage {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kHeadBytes = 64;

Error io_error(std::string_view what) {
  auto e = Error::internal();
  e.cause = std::string(what) + ": " + std::strerror(errno);
  return e;
}

bool has_prefix(std::string_view s, std::string_view prefix) {
  return s.starts_with(prefix);
}

std::string hmac_hex(std::string_view key, std::string_view data) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return auth::base64url_encode(std::string_view(reinterpret_cast<const char*>(mac), sizeof mac));
}

}  // namespace

struct Upload::Hash {
  auth::Sha256 sha;
};

Upload::Upload(int fd, fs::path temp, fs::path final_path, std::string key)
    : fd_(fd),
      temp_(std::move(temp)),
      final_(std::move(final_path)),
      key_(std::move(key)),
      hash_(std::make_unique<Hash>()) {}

Upload::Upload(Upload&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      temp_(std::move(other.temp_)),
      final_(std::move(other.final_)),
      key_(std::move(other.key_)),
      size_(other.size_),
      head_(std::move(other.head_)),
      hash_(std::move(other.hash_)) {}

Upload::~Upload() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(temp_.c_str());
}

Result<void> Upload::write(std::string_view bytes) {
  if (head_.size() < kHeadBytes) head_.append(bytes.substr(0, kHeadBytes - head_.size()));
  hash_->sha.update(bytes);
  size_ += bytes.size();
  while (!bytes.empty()) {
    const auto n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return io_error("write");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

std::string Upload::sha256_hex() {
  return hash_->sha.hex();
}

Result<std::string> Upload::commit() {
  if (::fsync(fd_) != 0) return io_error("fsync");
  ::close(std::exchange(fd_, -1));
  if (::rename(temp_.c_str(), final_.c_str()) != 0) {
    const auto e = io_error("rename");
    ::unlink(temp_.c_str());
    return e;
  }
  return key_;
}

Result<std::string> FileStore::new_key() const {
  // 128 random bits, hex: the first two characters name a folder (256 of them).
  unsigned char id[16];
  randombytes_buf(id, sizeof id);
  char hex[33];
  sodium_bin2hex(hex, sizeof hex, id, sizeof id);
  const std::string key = std::string(hex, 2) + "/" + std::string(hex + 2);
  std::error_code ec;
  fs::create_directories(path_of(key).parent_path(), ec);
  if (ec) {
    auto e = Error::internal();
    e.cause = "storage: " + ec.message();
    return e;
  }
  return key;
}

Result<Upload> FileStore::create() {
  auto key = new_key();
  if (!key) return key.error();
  const auto final_path = path_of(*key);
  auto temp = final_path;
  temp += ".part";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("open");
  return Upload(fd, std::move(temp), final_path, std::move(*key));
}

Result<std::string> FileStore::put(std::string_view bytes) {
  auto upload = create();
  if (!upload) return upload.error();
  if (auto w = upload->write(bytes); !w) return w.error();
  return upload->commit();
}

fs::path FileStore::part_of(std::string_view key) const {
  auto p = path_of(key);
  p += ".part";
  return p;
}

Result<std::string> FileStore::reserve_part() {
  auto key = new_key();
  if (!key) return key.error();
  const int fd = ::open(part_of(*key).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return io_error("open");
  ::close(fd);
  return key;
}

Result<PartFile> FileStore::open_part(std::string_view key, std::uint64_t offset) const {
  const int fd = ::open(part_of(key).c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return Error::not_found("upload");
  PartFile part(fd, offset);
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0)
    return Error::conflict("upload_locked", "This upload is being written by another request.");
  if (auto cut = part.truncate(offset); !cut) return cut.error();
  return part;
}

Result<void> FileStore::complete_part(std::string_view key) const {
  const int fd = ::open(part_of(key).c_str(), O_WRONLY | O_CLOEXEC);
  // Completed before, and what came next failed: done already.
  if (fd < 0 && errno == ENOENT && fs::exists(path_of(key))) return {};
  if (fd < 0) return io_error("open");
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!synced) return io_error("fsync");
  if (::rename(part_of(key).c_str(), path_of(key).c_str()) != 0) return io_error("rename");
  return {};
}

void FileStore::remove_part(std::string_view key) const {
  std::error_code ec;
  fs::remove(part_of(key), ec);
}

Result<Digest> FileStore::digest(std::string_view key) const {
  const int fd = ::open(path_of(key).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return io_error("open");
  Digest d;
  auth::Sha256 sha;
  uLong crc = ::crc32(0L, Z_NULL, 0);
  std::vector<char> buffer(1 << 20);
  for (;;) {
    const auto n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const auto e = io_error("read");
      ::close(fd);
      return e;
    }
    if (n == 0) break;
    const std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
    if (d.head.size() < kHeadBytes) d.head.append(chunk.substr(0, kHeadBytes - d.head.size()));
    sha.update(chunk);
    crc = ::crc32(crc, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(n));
  }
  ::close(fd);
  d.sha256 = sha.hex();
  d.crc32 = static_cast<std::uint32_t>(crc);
  return d;
}

PartFile::PartFile(PartFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

PartFile::~PartFile() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

Result<void> PartFile::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto n = ::pwrite(fd_, bytes.data(), bytes.size(), static_cast<off_t>(size_));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return io_error("write");
    size_ += static_cast<std::uint64_t>(n);
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

Result<void> PartFile::truncate(std::uint64_t size) {
  if (::ftruncate(fd_, static_cast<off_t>(size)) != 0) return io_error("ftruncate");
  size_ = size;
  return {};
}

Result<void> PartFile::sync() {
  if (::fdatasync(fd_) != 0) return io_error("fdatasync");
  return {};
}

fs::path FileStore::path_of(std::string_view key) const {
  return root_ / "files" / fs::path(key);
}

void FileStore::remove(std::string_view key) const {
  std::error_code ec;
  fs::remove(path_of(key), ec);
}

std::optional<std::string> sniff_mime(std::string_view h) {
  if (has_prefix(h, "\xFF\xD8\xFF")) return "image/jpeg";
  if (has_prefix(h, "\x89PNG\r\n\x1A\n")) return "image/png";
  if (has_prefix(h, "%PDF-")) return "application/pdf";
  if (h.size() >= 12 && has_prefix(h, "RIFF") && h.substr(8, 4) == "WEBP") return "image/webp";
  if (has_prefix(h, std::string_view("II*\0", 4)) || has_prefix(h, std::string_view("MM\0*", 4)))
    return "image/tiff";
  // ISO base media: a `ftyp` box whose major brand is one of HEIF's.
  if (h.size() >= 12 && h.substr(4, 4) == "ftyp") {
    const auto brand = h.substr(8, 4);
    for (std::string_view heif : {"heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"})
      if (brand == heif) return "image/heic";
  }
  return std::nullopt;
}

namespace {

// The length of the well-formed UTF-8 sequence at `s[i]` (no overlong forms, no surrogates);
// 0 when there is none.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto lead = byte(0);
  const std::size_t n = lead < 0x80                    ? 1
                        : lead >= 0xC2 && lead <= 0xDF ? 2
                        : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                       : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((byte(k) & 0xC0) != 0x80) return 0;
  if ((lead == 0xE0 && byte(1) < 0xA0) || (lead == 0xED && byte(1) > 0x9F) ||
      (lead == 0xF0 && byte(1) < 0x90) || (lead == 0xF4 && byte(1) > 0x8F))
    return 0;
  return n;
}

}  // namespace

std::string safe_file_name(std::string_view name) {
  if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const auto n = utf8_sequence(name, i);
    const auto c = static_cast<unsigned char>(name[i]);
    if (n > 1 || (n == 1 && c >= 0x20 && c != 0x7f && c != '"')) out.append(name.substr(i, n));
    i += n ? n : 1;  // bytes that are not UTF-8 are dropped
  }
  if (out.size() > 255) {
    out.resize(255);
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  }
  while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
  return out.empty() ? "file" : out;
}

LinkSigner::LinkSigner(std::string_view secret) : key_(hmac_hex(secret, "declic file links")) {}

std::string LinkSigner::sign(std::string_view subject, std::int64_t exp) const {
  return hmac_hex(key_, std::string(subject) + "|" + std::to_string(exp));
}

bool LinkSigner::valid(std::string_view subject, std::int64_t exp, std::string_view sig,
                       std::int64_t now) const {
  return exp >= now && auth::constant_time_equal(sign(subject, exp), sig);
}

}  // namespace declic::core::storage
