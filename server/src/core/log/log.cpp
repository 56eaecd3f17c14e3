#include "core/log/log.hpp"

#include <sys/time.h>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace declic::core::log {

namespace {
std::atomic<Level> g_level{Level::info};
std::mutex g_mutex;

const char* name(Level level) {
  switch (level) {
    case Level::debug:
      return "debug";
    case Level::info:
      return "info";
    case Level::warn:
      return "warn";
    case Level::error:
      return "error";
  }
  return "info";
}

void append_timestamp(std::string& out) {
  timeval tv{};
  gettimeofday(&tv, nullptr);
  std::tm tm{};
  gmtime_r(&tv.tv_sec, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(tv.tv_usec / 1000));
  out += buf;
}

void append_value(std::string& out, const Value& v) {
  if (auto s = std::get_if<std::string_view>(&v)) {
    out += '"';
    append_escaped(out, *s);
    out += '"';
  } else if (auto i = std::get_if<std::int64_t>(&v)) {
    out += std::to_string(*i);
  } else if (auto d = std::get_if<double>(&v)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", *d);
    out += buf;
  } else {
    out += std::get<bool>(v) ? "true" : "false";
  }
}
}  // namespace

void append_escaped(std::string& out, std::string_view s) {
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
}

void set_level(Level level) {
  g_level = level;
}
bool enabled(Level level) {
  return level >= g_level.load(std::memory_order_relaxed);
}

void write(Level level, std::string_view msg, std::initializer_list<Field> fields) {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(256);
  line += "{\"ts\":\"";
  append_timestamp(line);
  line += "\",\"level\":\"";
  line += name(level);
  line += "\",\"msg\":\"";
  append_escaped(line, msg);
  line += '"';
  for (const auto& [key, value] : fields) {
    line += ",\"";
    line += key;
    line += "\":";
    append_value(line, value);
  }
  line += "}\n";
  std::lock_guard lock(g_mutex);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

}  // namespace declic::core::log
