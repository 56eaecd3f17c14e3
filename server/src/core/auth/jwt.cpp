#include "core/auth/jwt.hpp"

#include "core/auth/tokens.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <boost/json.hpp>

#include <array>
#include <limits>
#include <optional>
#include <stdexcept>
#include <vector>

namespace declic::core::auth {

namespace json = boost::json;

namespace {

// The one header we issue and the only one we accept (alg and typ are checked field by field).
constexpr std::string_view kHeader = R"({"alg":"HS256","typ":"at+jwt"})";
constexpr std::string_view kAlg = "HS256";
constexpr std::size_t kMacBytes = 32;
constexpr std::size_t kMinKeyBytes = 32;

Error invalid() {
  return Error::unauthorized("Invalid or expired token.");
}

// Exactly three non-empty segments separated by dots.
std::optional<std::array<std::string_view, 3>> split(std::string_view token) {
  std::array<std::string_view, 3> parts;
  for (std::size_t i = 0; i < 2; ++i) {
    auto dot = token.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    parts[i] = token.substr(0, dot);
    token.remove_prefix(dot + 1);
  }
  if (token.find('.') != std::string_view::npos) return std::nullopt;
  parts[2] = token;
  for (auto p : parts) {
    if (p.empty()) return std::nullopt;
  }
  return parts;
}

// A base64url segment that holds a JSON object; never throws.
std::optional<json::object> decode_object(std::string_view segment) {
  auto text = base64url_decode(segment);
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(*text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

bool string_equals(const json::object& o, std::string_view key, std::string_view expected) {
  const json::value* v = o.if_contains(key);
  if (!v) return false;
  const json::string* s = v->if_string();
  return s && *s == expected;
}

std::optional<std::string> non_empty_string(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v) return std::nullopt;
  auto s = json::try_value_to<std::string>(*v);
  if (!s || s->empty()) return std::nullopt;
  return std::move(*s);
}

std::optional<std::int64_t> integer(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v) return std::nullopt;
  const std::int64_t* i = v->if_int64();
  if (!i) return std::nullopt;
  return *i;
}

// iat may run ahead of our clock by the allowed skew, no more; no overflow near the limits.
bool issued_in_future(std::int64_t iat, std::int64_t now) {
  constexpr std::int64_t kSkew = JwtCodec::kMaxClockSkewSeconds;
  return now <= std::numeric_limits<std::int64_t>::max() - kSkew && iat > now + kSkew;
}

bool known_role(std::string_view role) {
  return role == "CLIENT" || role == "PROFESSIONNEL" || role == "ADMIN";
}

bool header_ok(std::string_view segment) {
  auto header = decode_object(segment);
  if (!header) return false;
  // We never issue critical extensions, so a token that demands one is not ours (RFC 7515).
  if (header->contains("crit")) return false;
  return string_equals(*header, "alg", kAlg) && string_equals(*header, "typ", JwtCodec::kType);
}

std::optional<AccessClaims> claims_from(std::string_view segment) {
  auto payload = decode_object(segment);
  if (!payload) return std::nullopt;
  if (!string_equals(*payload, "iss", JwtCodec::kIssuer)) return std::nullopt;
  if (!string_equals(*payload, "aud", JwtCodec::kAudience)) return std::nullopt;
  auto sub = non_empty_string(*payload, "sub");
  auto role = non_empty_string(*payload, "role");
  auto sid = non_empty_string(*payload, "sid");
  auto iat = integer(*payload, "iat");
  auto exp = integer(*payload, "exp");
  if (!sub || !role || !sid || !iat || !exp || !known_role(*role)) return std::nullopt;
  return AccessClaims{std::move(*sub), std::move(*role), std::move(*sid), *iat, *exp};
}

}  // namespace

JwtCodec::JwtCodec(std::string key) : key_(std::move(key)) {
  if (key_.size() < kMinKeyBytes) throw std::invalid_argument("JWT key shorter than 32 bytes");
}

std::string JwtCodec::mac(std::string_view signing_input) const {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int md_len = 0;
  if (!HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
            reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(),
            md.data(), &md_len)) {
    throw std::runtime_error("HMAC-SHA256 failed");
  }
  return std::string(reinterpret_cast<const char*>(md.data()), md_len);
}

std::string JwtCodec::sign(const AccessClaims& claims) const {
  json::object payload;
  payload["iss"] = kIssuer;
  payload["aud"] = kAudience;
  payload["sub"] = claims.subject;
  payload["role"] = claims.role;
  payload["sid"] = claims.session_id;
  payload["iat"] = claims.issued_at;
  payload["exp"] = claims.expires_at;
  std::string input = base64url_encode(kHeader);
  input += '.';
  input += base64url_encode(json::serialize(payload));
  std::string signature = base64url_encode(mac(input));
  input += '.';
  input += signature;
  return input;
}

core::Result<AccessClaims> JwtCodec::verify(std::string_view token, std::int64_t now_unix) const {
  auto parts = split(token);
  if (!parts || token.size() > kMaxTokenSize) return invalid();
  if (!header_ok((*parts)[0])) return invalid();

  auto signature = base64url_decode((*parts)[2]);
  if (!signature || signature->size() != kMacBytes) return invalid();
  std::string_view signing_input = token.substr(0, (*parts)[0].size() + 1 + (*parts)[1].size());
  if (!constant_time_equal(*signature, mac(signing_input))) return invalid();

  auto claims = claims_from((*parts)[1]);
  if (!claims) return invalid();
  if (claims->expires_at <= now_unix) return invalid();
  if (issued_in_future(claims->issued_at, now_unix)) return invalid();
  return std::move(*claims);
}

}  // namespace declic::core::auth
