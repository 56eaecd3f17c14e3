#pragma once
// Opaque secrets for refresh tokens, password-reset and invitation links, and the helpers
// around them. A token is shown to its owner once; the database keeps only sha256_hex(token),
// so a leaked table cannot be replayed. Compare secrets with constant_time_equal, never ==.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct evp_md_st;      // OpenSSL's EVP_MD
struct evp_md_ctx_st;  // OpenSSL's EVP_MD_CTX

namespace declic::core::auth {

// RFC 4648 §5 alphabet (A-Z a-z 0-9 - _), without '=' padding.
std::string base64url_encode(std::string_view bytes);

// Strict inverse of base64url_encode: nullopt on padding, on any character outside the
// URL-safe alphabet, on an impossible length (len % 4 == 1) and on non-zero unused trailing
// bits, so every byte string has exactly one accepted text form.
std::optional<std::string> base64url_decode(std::string_view text);

// RFC 4648 §4 base64 (A-Z a-z 0-9 + /, '=' padding), as MIME parts and data URLs carry it.
std::string base64_encode(std::string_view bytes);
// Its inverse; characters in `ignore` (line breaks, say) are skipped; nullopt when malformed.
std::optional<std::string> base64_decode(std::string_view text, const char* ignore = nullptr);

// 32 bytes from the libsodium CSPRNG, base64url: always 43 characters.
std::string random_token();

// SHA-256 of data as 64 lower-case hex characters: the only form in which tokens are stored.
std::string sha256_hex(std::string_view data);

// A digest of data that comes in pieces (a streamed upload, a tus chunk's checksum).
// OpenSSL's, which uses the CPU's SHA instructions: about four times libsodium's portable code
// on a 70 MB photo.
class Digest {
 public:
  void update(std::string_view data);
  std::string bytes();  // the digest, once, at the end
  std::string hex();    // the same as lower-case hex, instead

 protected:
  explicit Digest(const evp_md_st* algorithm);

 private:
  struct Free {
    void operator()(evp_md_ctx_st* ctx) const;
  };
  std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

struct Sha256 : Digest {
  Sha256();
};
struct Sha1 : Digest {  // tus checksums only
  Sha1();
};

// Equality whose time depends only on the length; false when the lengths differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace declic::core::auth
