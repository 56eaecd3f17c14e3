#pragma once
// JSON lines on stdout, one object per event: {"ts","level","msg", ...fields}. Thread-safe;
// each line is written whole. Never pass secrets (tokens, passwords) as fields.

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <variant>

namespace declic::core::log {

enum class Level { debug, info, warn, error };

using Value = std::variant<std::string_view, std::int64_t, double, bool>;
using Field = std::pair<std::string_view, Value>;

void set_level(Level level);
bool enabled(Level level);
void write(Level level, std::string_view msg, std::initializer_list<Field> fields = {});

inline void debug(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::debug, m, f);
}
inline void info(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::info, m, f);
}
inline void warn(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::warn, m, f);
}
inline void error(std::string_view m, std::initializer_list<Field> f = {}) {
  write(Level::error, m, f);
}

// Appends `s` to `out` as a JSON string body (no quotes), escaping as RFC 8259 requires.
void append_escaped(std::string& out, std::string_view s);

}  // namespace declic::core::log
