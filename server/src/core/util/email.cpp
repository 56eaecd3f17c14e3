#include "core/util/email.hpp"

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

}  // namespace declic::core
