#pragma once
// Reading JSON request bodies for controllers: content type and syntax first (415/400), then
// fields one by one. Wrong types are 400, missing or invalid values 422 — each with its field
// in problem+json `errors[]`, all of them at once so a form can show every message.

#include "core/http/http.hpp"
#include "core/http/json_writer.hpp"
#include "core/util/cursor.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace declic::core::http {

// The body as a JSON object: 415 unless Content-Type is application/json, 400 when the
// syntax is wrong or the top level is not an object.
Result<boost::json::object> parse_object(const Request& req);
// The same for a body of any JSON type (a top-level array).
Result<boost::json::value> parse_json(const Request& req);

class JsonReader {
 public:
  explicit JsonReader(const boost::json::object& object) : object_(object) {}

  // Trimmed string of `min`..`max` code points; nullopt (with an error) when missing/invalid.
  std::optional<std::string> required_string(const char* field, std::size_t min, std::size_t max);
  // Absent or null → nullopt without error; "" → "" when min is 0.
  std::optional<std::string> optional_string(const char* field, std::size_t min, std::size_t max);
  // A string field the caller passes through untrimmed (passwords).
  std::optional<std::string> required_raw_string(const char* field, std::size_t min,
                                                 std::size_t max);
  // A text field that may be cleared: absent → nullopt (leave it); null or "" → an empty
  // optional (clear it); text → the text.
  std::optional<std::optional<std::string>> nullable_string(const char* field, std::size_t max);
  std::optional<bool> optional_bool(const char* field);
  // An integer in [min, max]: 400 when not an integral JSON number, 422 when out of range.
  std::optional<std::int64_t> required_int(const char* field, std::int64_t min, std::int64_t max);
  std::optional<std::int64_t> optional_int(const char* field, std::int64_t min, std::int64_t max);
  // A list of ids (UUIDs, lower-cased), `min`..`max` of them: 400 unless an array of strings,
  // 422 for a count out of range or a string that is not an id. Absent or null: nullopt
  // without error, unless `min` > 0.
  std::optional<std::vector<std::string>> id_list(const char* field, std::size_t min,
                                                  std::size_t max);
  // Up to `max_items` lines of text, each trimmed and of 1..`max_length` code points: 400 unless
  // an array of strings, 422 otherwise. Absent or null: nullopt without error.
  std::optional<std::vector<std::string>> string_list(const char* field, std::size_t max_items,
                                                      std::size_t max_length);
  bool has(const char* field) const { return object_.contains(field); }
  bool is_null(const char* field) const;

  void invalid(const char* field, std::string code, std::string message);
  void wrong_type(const char* field, std::string message);
  // The first type error makes it a 400; otherwise value errors make a 422.
  std::optional<Error> error() const;

 private:
  std::optional<std::int64_t> int_field(const char* field, bool required, std::int64_t min,
                                        std::int64_t max);
  std::optional<std::string> string_field(const char* field, bool required, bool trim,
                                          std::size_t min, std::size_t max);
  const boost::json::object& object_;
  std::vector<FieldError> errors_;
  bool type_error_ = false;
};

std::size_t utf8_length(std::string_view s);

// A JSON reply from any value boost::json::value_from accepts.
Response json_reply(int status, const boost::json::value& body);

// A problem+json reply for `e` (shorthand for controllers).
inline Response problem(const Error& e) {
  return Response::problem(e);
}
// A string, or JSON null when absent.
boost::json::value nullable(const std::optional<std::string>& v);
// The envelope of every list: {items, nextCursor} (null on the last page).
boost::json::object list_body(boost::json::array items,
                              const std::optional<std::string>& next_cursor = std::nullopt);
// `?limit=`: nullopt when absent; a positive integer, capped at `max`; otherwise nullopt and
// a field error appended to `errors`.
std::optional<int> read_limit(const Request& req, int max, std::vector<FieldError>& errors);

// A list's `?limit=&cursor=`, decoded: a cursor that is not one of ours is a field error.
struct ListQuery {
  std::optional<int> limit;
  std::optional<Cursor> cursor;
};
ListQuery read_list_query(const Request& req, int max_limit, std::vector<FieldError>& errors);

// The {items, nextCursor} reply of a page (`items` and `next_cursor` members), each item
// written out as it is encoded rather than gathered into one tree first. `encode` either
// returns an item's JSON value or writes it: encode(JsonWriter&, item).
template <class Page, class Encode>
Response list_reply(const Page& page, Encode encode) {
  std::string body;
  JsonWriter w(body);
  w.begin_object().key("items").begin_array();
  for (const auto& item : page.items) {
    if constexpr (std::is_invocable_v<Encode&, JsonWriter&, decltype(item)>)
      encode(w, item);
    else
      w.raw(boost::json::serialize(encode(item)));
  }
  w.end_array().key("nextCursor").value(page.next_cursor).end_object();
  return Response::json(200, std::move(body));
}

// A user's public profile, as every reply shows it.
boost::json::value profile_json(const auth::UserProfile& p);

// Readers for a person's details, shared by every controller that takes them.
// Required `email`, normalised; an error on the reader when missing or not an address.
std::optional<std::string> read_email(JsonReader& r);
// Optional `locale`: "fr" or "en".
std::optional<std::string> read_locale(JsonReader& r);

// The `Idempotency-Key` header (core/db/idempotency.hpp): nullopt when absent; 1–255 visible
// ASCII characters, else a field error on `r`.
std::optional<std::string> read_idempotency_key(const Request& req, JsonReader& r);

}  // namespace declic::core::http
