#include "core/util/email.hpp"

#include <algorithm>
#include <cctype>

namespace declic::core {

std::optional<std::string> normalize_email(std::string_view raw) {
  std::string e;
  for (char c : raw) e += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto b = e.find_first_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  e = e.substr(b, e.find_last_not_of(" \t") - b + 1);
  const auto at = e.find('@');
  if (e.size() < 3 || e.size() > 254 || at == 0 || at == std::string::npos ||
      e.find('@', at + 1) != std::string::npos)
    return std::nullopt;
  const auto domain = e.substr(at + 1);
  if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.')
    return std::nullopt;
  for (unsigned char c : e)
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '\\')
      return std::nullopt;
  return e;
}

namespace {

bool atext(unsigned char c) {
  return std::isalnum(c) || std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c)) !=
                                std::string_view::npos;
}

bool dot_atom(std::string_view s, bool (*allowed)(unsigned char)) {
  if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos)
    return false;
  for (unsigned char c : s)
    if (c != '.' && !allowed(c)) return false;
  return true;
}

bool domain_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  for (unsigned char c : label)
    if (!std::isalnum(c) && c != '-') return false;
  return true;
}

}  // namespace

std::optional<std::string> deliverable_email(std::string_view raw) {
  auto e = normalize_email(raw);
  if (!e) return std::nullopt;
  const auto at = e->find('@');
  const std::string_view local = std::string_view(*e).substr(0, at);
  const std::string_view domain = std::string_view(*e).substr(at + 1);
  if (local.size() > 64 || domain.size() > 253 || !dot_atom(local, atext)) return std::nullopt;
  std::size_t labels = 0;
  std::string_view last;
  for (std::string_view rest = domain; !rest.empty(); ++labels) {
    const auto dot = rest.find('.');
    last = rest.substr(0, dot);
    if (!domain_label(last)) return std::nullopt;
    rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  }
  // A top-level domain is letters (or an IDN's "xn--"): "1.2.3.4" is no domain.
  const bool tld =
      last.size() >= 2 &&
      (last.starts_with("xn--") ||
       std::all_of(last.begin(), last.end(), [](unsigned char c) { return std::isalpha(c); }));
  if (labels < 2 || !tld) return std::nullopt;
  return e;
}

}  // namespace declic::core
