#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace declic::core {

// Lower-cased, trimmed; nullopt when it does not look like an address.
std::optional<std::string> normalize_email(std::string_view raw);

// normalize_email(), and also an address an SMTP relay accepts without extensions, for a new
// account: an ASCII dot-atom local part of at most 64 characters, a domain of at least two
// letter-digit-hyphen labels (no IP literal, no quotes, no comments, no SMTPUTF8).
std::optional<std::string> deliverable_email(std::string_view raw);

}  // namespace declic::core
