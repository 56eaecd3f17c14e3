#pragma once
// Pieces of HTTP field values (RFC 9110 §5.6), shared by the server, ranges and ETags, and
// content negotiation: optional white space, case-insensitive tokens, comma-separated lists.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace declic::core::http {

// Without the spaces and tabs around it.
std::string_view trim_ows(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
// The elements of a comma-separated list, trimmed, appended to `out`; empty elements are
// skipped, as §5.6.1 asks of recipients.
void split_list(std::string_view value, std::vector<std::string_view>& out);
// A decimal integer that is the whole of `text` (a header or query value); nullopt otherwise.
std::optional<std::int64_t> parse_integer(std::string_view text);
// Whether an Accept-Encoding value allows `coding` (§12.5.3: listed or `*`, with q > 0).
bool accepts_encoding(std::string_view accept_encoding, std::string_view coding);

}  // namespace declic::core::http
