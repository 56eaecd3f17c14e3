// core/http/json_writer.hpp: the bytes boost::json::serialize gives for the same values.
#include "core/http/json_writer.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <limits>

using declic::core::http::JsonWriter;
namespace json = boost::json;

namespace {

std::string written(std::string_view s) {
  std::string out;
  JsonWriter(out).value(s);
  return out;
}

}  // namespace

TEST(JsonWriter, EscapesEveryByteAsBoostJsonDoes) {
  for (int c = 0; c < 256; ++c) {
    const std::string s = {'a', static_cast<char>(c), 'z'};
    EXPECT_EQ(written(s), json::serialize(json::string(s))) << "byte " << c;
  }
  const std::string text = "Zoé \"Ørsted\" \\ 📷\n\t\x01";
  EXPECT_EQ(written(text), json::serialize(json::string(text)));
}

TEST(JsonWriter, NestsWithCommasWhereTheyBelong) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("n").value(std::numeric_limits<std::int64_t>::min());
  w.key("max").value(std::numeric_limits<std::int64_t>::max());
  w.key("none").value(std::optional<std::string>{});
  w.key("some").value(std::optional<std::string>{"x"});
  w.key("empty").begin_object().end_object();
  w.key("list").begin_array().value(1).begin_object().key("a").null().end_object().begin_array();
  w.end_array().value("s").raw(R"({"b":[true]})").end_array();
  w.end_object();
  const json::value expected = {{"n", std::numeric_limits<std::int64_t>::min()},
                                {"max", std::numeric_limits<std::int64_t>::max()},
                                {"none", nullptr},
                                {"some", "x"},
                                {"empty", json::object{}},
                                {"list", json::array{1, json::object{{"a", nullptr}}, json::array{},
                                                     "s", json::object{{"b", json::array{true}}}}}};
  EXPECT_EQ(out, json::serialize(expected));
}
