#include "core/auth/password.hpp"

#include <sodium.h>

#include <array>
#include <optional>
#include <stdexcept>

namespace declic::core::auth {

namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19 * 1024 * 1024;
constexpr std::string_view kArgon2idPrefix = "$argon2id$";

// libsodium reads the hash as a C string of at most crypto_pwhash_STRBYTES bytes with its NUL.
std::optional<std::array<char, crypto_pwhash_STRBYTES>> to_c_hash(std::string_view encoded) {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return std::nullopt;
  if (encoded.find('\0') != std::string_view::npos) return std::nullopt;
  std::array<char, crypto_pwhash_STRBYTES> out{};
  encoded.copy(out.data(), encoded.size());
  return out;
}

}  // namespace

void init_crypto() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium initialisation failed");
}

std::string hash_password(std::string_view password) {
  init_crypto();
  std::array<char, crypto_pwhash_STRBYTES> out{};
  // A non-null pointer even for the empty password (the parameters are declared nonnull).
  const char* data = password.empty() ? "" : password.data();
  if (crypto_pwhash_str_alg(out.data(), data, password.size(), kOpsLimit, kMemLimit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return std::string(out.data());
}

bool verify_password(std::string_view encoded_hash, std::string_view password) {
  init_crypto();
  auto hash = to_c_hash(encoded_hash);
  if (!hash) return false;
  const char* data = password.empty() ? "" : password.data();
  return crypto_pwhash_str_verify(hash->data(), data, password.size()) == 0;
}

bool needs_rehash(std::string_view encoded_hash) {
  init_crypto();
  if (!encoded_hash.starts_with(kArgon2idPrefix)) return true;
  auto hash = to_c_hash(encoded_hash);
  if (!hash) return true;
  return crypto_pwhash_str_needs_rehash(hash->data(), kOpsLimit, kMemLimit) != 0;
}

}  // namespace declic::core::auth
