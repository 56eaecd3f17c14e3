#pragma once
#include <cctype>
#include <string_view>

namespace declic::core {

// The textual form PostgreSQL prints (8-4-4-4-12 hex digits). Repositories look ids up only
// when this holds: a malformed id finds nothing instead of raising a database error.
inline bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

}  // namespace declic::core
