#include "modules/files/files_controller.hpp"

#include "core/http/files.hpp"
#include "core/http/json.hpp"

#include <cctype>
#include <charconv>
#include <cstdio>

namespace declic::files {

namespace http = core::http;
using core::Error;
using http::problem;

namespace {
constexpr const char* kCache = "private, max-age=900";  // as long as a link lives
}

std::string content_disposition(std::string_view name) {
  std::string ascii, encoded;
  for (unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

http::Reply FilesController::content(http::Request& req) {
  const auto variant = req.query_param("variant").value_or("original");
  const auto sig = req.query_param("sig").value_or("");
  const auto exp_text = req.query_param("exp").value_or("");
  std::int64_t exp = 0;
  const auto [end, ec] = std::from_chars(exp_text.data(), exp_text.data() + exp_text.size(), exp);
  if (ec != std::errc() || end != exp_text.data() + exp_text.size() || variant != "original")
    co_return problem(Error::forbidden("This link is not valid or has expired."));
  auto found = co_await service_.open_by_link(std::string(req.param("id")), variant, exp, sig);
  if (!found) co_return problem(found.error());
  auto file = http::File::open(found->second);
  if (!file) co_return problem(Error::not_found("file"));
  http::FileReply reply;
  reply.content_type = found->first.mime_type;
  reply.cache_control = kCache;
  reply.disposition = content_disposition(found->first.name);
  co_return http::file_response(req, std::move(file), reply);
}

}  // namespace declic::files
