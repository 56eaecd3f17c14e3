#pragma once
// JSON appended to a string as it is written, for replies too hot to build as a tree first
// (a page of bookings spent most of its server time making and freeing one). The bytes are
// those boost::json::serialize gives for the same values: a unit test compares every
// character's escape.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace declic::core::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(std::int64_t n);
  JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
  JsonWriter& value(const std::optional<std::string>& s);  // null when absent
  JsonWriter& null();
  JsonWriter& raw(std::string_view json);  // a value already serialized, as it is

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void separate();  // a comma before a member or element that follows another
  void quoted(std::string_view s);

  std::string& out_;
  bool after_value_ = false;
};

}  // namespace declic::core::http
