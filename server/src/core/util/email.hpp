#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace declic::core {

// Lower-cased, trimmed; nullopt when it does not look like an address.
std::optional<std::string> normalize_email(std::string_view raw);

}  // namespace declic::core
