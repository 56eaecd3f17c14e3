#pragma once
// Short-lived HS256 access tokens (RFC 8725, RFC 9068 "at+jwt"). The token only says who
// the caller claims to be and in which session; the user is still loaded for each request
// (see principal.hpp), so a disabled account or a role change applies at once.
//
// What must stay true: verify() accepts only tokens this codec signed, with exactly
// alg HS256 and typ at+jwt, our issuer and audience, and an expiry in the future; every
// rejection is the same Error, so a caller learns nothing about why.

#include "core/error/error.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace declic::core::auth {

struct AccessClaims {
  std::string subject;          // user id (uuid string)
  std::string role;             // "CLIENT" | "PROFESSIONNEL" | "ADMIN"
  std::string session_id;       // uuid of the session (refresh-token family)
  std::int64_t issued_at = 0;   // unix seconds
  std::int64_t expires_at = 0;  // unix seconds
};

class JwtCodec {
 public:
  // key: raw secret bytes, at least 32 (RFC 7518 §3.2); shorter throws std::invalid_argument.
  explicit JwtCodec(std::string key);

  std::string sign(const AccessClaims& claims) const;

  // The claims of a valid token, or Error::unauthorized("Invalid or expired token.").
  core::Result<AccessClaims> verify(std::string_view token, std::int64_t now_unix) const;

  static constexpr std::string_view kIssuer = "declic";
  static constexpr std::string_view kAudience = "declic";
  static constexpr std::string_view kType = "at+jwt";
  static constexpr std::size_t kMaxTokenSize = 4096;
  static constexpr std::int64_t kMaxClockSkewSeconds = 60;

 private:
  std::string mac(std::string_view signing_input) const;

  std::string key_;
};

}  // namespace declic::core::auth
