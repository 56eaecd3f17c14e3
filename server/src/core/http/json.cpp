#include "core/http/json.hpp"

#include "core/util/email.hpp"
#include "core/util/uuid.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

namespace declic::core::http {

namespace json = boost::json;

Result<json::value> parse_json(const Request& req) {
  const auto type = req.header("content-type");
  if (!type.starts_with("application/json"))
    return Error::unsupported_media_type("Send the body as application/json.");
  boost::system::error_code ec;
  auto value = json::parse(req.body, ec);
  if (ec) return Error::bad_request("The body is not valid JSON.", "malformed_json");
  return value;
}

Result<json::object> parse_object(const Request& req) {
  auto value = parse_json(req);
  if (!value) return value.error();
  if (!value->is_object())
    return Error::bad_request("The body must be a JSON object.", "malformed_json");
  return std::move(value->as_object());
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

namespace {
std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}
}  // namespace

bool JsonReader::is_null(const char* field) const {
  auto it = object_.find(field);
  return it != object_.end() && it->value().is_null();
}

std::optional<std::string> JsonReader::string_field(const char* field, bool required, bool trim_it,
                                                    std::size_t min, std::size_t max) {
  auto it = object_.find(field);
  if (it == object_.end() || it->value().is_null()) {
    if (required) invalid(field, "required", "This field is required.");
    return std::nullopt;
  }
  const auto* s = it->value().if_string();
  if (!s) {
    type_error_ = true;
    errors_.push_back({field, "invalid_type", "Expected a string."});
    return std::nullopt;
  }
  // A NUL would be cut by the database or a C string later: refused, never shortened.
  if (std::string_view(*s).find('\0') != std::string_view::npos) {
    invalid(field, "invalid_character", "This text may not contain a NUL character.");
    return std::nullopt;
  }
  std::string value = trim_it ? trim(*s) : std::string(*s);
  const auto length = utf8_length(value);
  if (length < min) {
    invalid(
        field, min <= 1 ? "required" : "too_short",
        min <= 1 ? "This field is required." : "At least " + std::to_string(min) + " characters.");
    return std::nullopt;
  }
  if (length > max) {
    invalid(field, "too_long", "At most " + std::to_string(max) + " characters.");
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> JsonReader::required_string(const char* field, std::size_t min,
                                                       std::size_t max) {
  return string_field(field, true, true, min, max);
}

std::optional<std::string> JsonReader::optional_string(const char* field, std::size_t min,
                                                       std::size_t max) {
  return string_field(field, false, true, min, max);
}

std::optional<std::string> JsonReader::required_raw_string(const char* field, std::size_t min,
                                                           std::size_t max) {
  return string_field(field, true, false, min, max);
}

std::optional<std::optional<std::string>> JsonReader::nullable_string(const char* field,
                                                                      std::size_t max) {
  if (!has(field)) return std::nullopt;
  if (is_null(field)) return std::optional<std::string>{};
  auto v = optional_string(field, 0, max);
  if (!v) return std::nullopt;
  if (v->empty()) return std::optional<std::string>{};
  return v;
}

std::optional<bool> JsonReader::optional_bool(const char* field) {
  auto it = object_.find(field);
  if (it == object_.end() || it->value().is_null()) return std::nullopt;
  if (const auto* b = it->value().if_bool()) return *b;
  type_error_ = true;
  errors_.push_back({field, "invalid_type", "Expected true or false."});
  return std::nullopt;
}

std::optional<std::int64_t> JsonReader::int_field(const char* field, bool required,
                                                  std::int64_t min, std::int64_t max) {
  auto it = object_.find(field);
  if (it == object_.end() || it->value().is_null()) {
    if (required) invalid(field, "required", "This field is required.");
    return std::nullopt;
  }
  const auto& v = it->value();
  std::optional<std::int64_t> n;
  bool huge = false;
  if (v.is_int64())
    n = v.get_int64();
  else if (v.is_uint64())
    huge = true;  // above INT64_MAX: an integer, out of any range
  if (!n && !huge) {
    type_error_ = true;
    errors_.push_back({field, "invalid_type", "Expected an integer."});
    return std::nullopt;
  }
  if (huge || *n < min || *n > max) {
    invalid(field, "out_of_range",
            "Between " + std::to_string(min) + " and " + std::to_string(max) + ".");
    return std::nullopt;
  }
  return n;
}

std::optional<std::int64_t> JsonReader::required_int(const char* field, std::int64_t min,
                                                     std::int64_t max) {
  return int_field(field, true, min, max);
}

std::optional<std::int64_t> JsonReader::optional_int(const char* field, std::int64_t min,
                                                     std::int64_t max) {
  return int_field(field, false, min, max);
}

void JsonReader::invalid(const char* field, std::string code, std::string message) {
  errors_.push_back({field, std::move(code), std::move(message)});
}

void JsonReader::wrong_type(const char* field, std::string message) {
  type_error_ = true;
  errors_.push_back({field, "invalid_type", std::move(message)});
}

std::optional<std::vector<std::string>> JsonReader::string_list(const char* field,
                                                                std::size_t max_items,
                                                                std::size_t max_length) {
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  const auto* items = value->if_array();
  if (!items || std::any_of(items->begin(), items->end(),
                            [](const json::value& v) { return !v.is_string(); })) {
    wrong_type(field, "Expected a list of texts.");
    return std::nullopt;
  }
  if (items->size() > max_items) {
    invalid(field, "too_many", "At most " + std::to_string(max_items) + " lines.");
    return std::nullopt;
  }
  std::vector<std::string> lines;
  for (const auto& item : *items) {
    // Each line under the same rules as a string field of its own.
    const json::object one{{field, item}};
    JsonReader line(one);
    auto text = line.required_string(field, 1, max_length);
    if (!text) {
      errors_.insert(errors_.end(), line.errors_.begin(), line.errors_.end());
      return std::nullopt;
    }
    lines.push_back(std::move(*text));
  }
  return lines;
}

std::optional<std::vector<std::string>> JsonReader::id_list(const char* field, std::size_t min,
                                                            std::size_t max) {
  const auto* value = object_.if_contains(field);
  if (!value || value->is_null()) {
    if (min > 0) invalid(field, "required", "This field is required.");
    return std::nullopt;
  }
  const auto* items = value->if_array();
  if (!items || std::any_of(items->begin(), items->end(),
                            [](const json::value& v) { return !v.is_string(); })) {
    wrong_type(field, "Expected a list of ids.");
    return std::nullopt;
  }
  if (items->size() < min || items->size() > max) {
    invalid(field, "invalid",
            "Between " + std::to_string(min) + " and " + std::to_string(max) + " ids.");
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (const auto& item : *items) {
    std::string id(item.get_string());
    if (!is_uuid(id)) {
      invalid(field, "invalid", "Not an id: " + id.substr(0, 40));
      return std::nullopt;
    }
    std::transform(id.begin(), id.end(), id.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    ids.push_back(std::move(id));
  }
  return ids;
}

std::optional<Error> JsonReader::error() const {
  if (errors_.empty()) return std::nullopt;
  auto e = Error::validation(errors_);
  if (type_error_) {
    e.errc = Errc::bad_request;
    e.code = "invalid_type";
    e.detail = "Some fields have the wrong type.";
  }
  return e;
}

json::value nullable(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object list_body(json::array items, const std::optional<std::string>& next_cursor) {
  return {{"items", std::move(items)}, {"nextCursor", nullable(next_cursor)}};
}

std::optional<int> read_limit(const Request& req, int max, std::vector<FieldError>& errors) {
  auto limit = req.query_param("limit");
  if (!limit) return std::nullopt;
  int n = 0;
  auto [p, ec] = std::from_chars(limit->data(), limit->data() + limit->size(), n);
  if (ec != std::errc() || p != limit->data() + limit->size() || n < 1) {
    errors.push_back({"limit", "invalid", "A positive integer."});
    return std::nullopt;
  }
  return std::min(n, max);
}

ListQuery read_list_query(const Request& req, int max_limit, std::vector<FieldError>& errors) {
  ListQuery q;
  q.limit = read_limit(req, max_limit, errors);
  if (auto text = req.query_param("cursor"); text && !text->empty()) {
    q.cursor = decode_cursor(*text);
    if (!q.cursor) errors.push_back({"cursor", "invalid", "Unknown cursor."});
  }
  return q;
}

json::value profile_json(const auth::UserProfile& p) {
  json::object o{{"id", p.id},
                 {"email", p.email},
                 {"role", auth::to_string(p.role)},
                 {"firstName", p.first_name},
                 {"lastName", p.last_name},
                 {"locale", p.locale},
                 {"createdAt", p.created_at}};
  o["phone"] = nullable(p.phone);
  o["address"] = nullable(p.address);
  return o;
}

std::optional<std::string> read_email(JsonReader& r) {
  auto email = r.required_string("email", 1, 254);
  if (!email) return std::nullopt;
  auto normalized = deliverable_email(*email);
  if (!normalized) r.invalid("email", "invalid", "Enter a valid e-mail address.");
  return normalized;
}

std::optional<std::string> read_locale(JsonReader& r) {
  auto locale = r.optional_string("locale", 2, 2);
  if (locale && *locale != "fr" && *locale != "en") {
    r.invalid("locale", "invalid", "Choose fr or en.");
    return std::nullopt;
  }
  return locale;
}

std::optional<std::string> read_idempotency_key(const Request& req, JsonReader& r) {
  const auto key = req.header("idempotency-key");
  if (key.empty()) return std::nullopt;
  bool printable = key.size() <= 255;
  for (unsigned char c : key) printable = printable && c > ' ' && c < 0x7f;
  if (!printable) r.invalid("Idempotency-Key", "invalid", "1 to 255 visible ASCII characters.");
  return std::string(key);
}

Response json_reply(int status, const json::value& body) {
  return Response::json(status, json::serialize(body));
}

}  // namespace declic::core::http
