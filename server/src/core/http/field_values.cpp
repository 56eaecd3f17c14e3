#include "core/http/field_values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace declic::core::http {

namespace {

// The q of one `coding;q=0.5` element's parameters: 1 when absent, 0 when unreadable.
double quality(std::string_view params) {
  for (std::size_t at = 0; at < params.size();) {
    auto end = params.find(';', at);
    if (end == std::string_view::npos) end = params.size();
    const auto param = trim_ows(params.substr(at, end - at));
    at = end + 1;
    if (param.size() < 2 || std::tolower(static_cast<unsigned char>(param[0])) != 'q' ||
        param[1] != '=')
      continue;
    double q = 0;
    const auto value = param.substr(2);
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), q);
    return ec == std::errc() && ptr == value.data() + value.size() ? q : 0;
  }
  return 1;
}

}  // namespace

std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

void split_list(std::string_view value, std::vector<std::string_view>& out) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto item = trim_ows(value.substr(0, comma));
    value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
    if (!item.empty()) out.push_back(item);
  }
}

bool accepts_encoding(std::string_view accept_encoding, std::string_view coding) {
  std::vector<std::string_view> elements;
  split_list(accept_encoding, elements);
  std::optional<double> named, any;
  for (const auto element : elements) {
    const auto semi = element.find(';');
    const auto name = trim_ows(element.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1 : quality(element.substr(semi + 1));
    if (iequals(name, coding))
      named = q;
    else if (name == "*")
      any = q;
  }
  return named ? *named > 0 : any.value_or(0) > 0;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace declic::core::http
