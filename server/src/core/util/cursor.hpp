#pragma once
// Opaque list cursors: the last row's sort key (a number) and id, base64url-encoded, so a
// page boundary stays exact when rows are added meanwhile (keyset pagination).

#include "core/auth/tokens.hpp"
#include "core/error/error.hpp"
#include "core/util/uuid.hpp"

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

namespace declic::core {

struct Cursor {
  std::int64_t key = 0;
  std::string id;
};

inline std::string encode_cursor(std::int64_t key, const std::string& id) {
  return auth::base64url_encode(std::to_string(key) + "." + id);
}

inline std::optional<Cursor> decode_cursor(const std::string& text) {
  auto raw = auth::base64url_decode(text);
  if (!raw) return std::nullopt;
  const auto dot = raw->find('.');
  if (dot == std::string::npos || !is_uuid(raw->substr(dot + 1))) return std::nullopt;
  Cursor c{0, raw->substr(dot + 1)};
  const char* end = raw->data() + dot;
  auto [p, ec] = std::from_chars(raw->data(), end, c.key);
  if (ec != std::errc() || p != end) return std::nullopt;
  return c;
}

}  // namespace declic::core
