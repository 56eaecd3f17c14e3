#include "modules/files/files_controller.hpp"

#include "core/http/files.hpp"
#include "core/http/json.hpp"

#include <charconv>

namespace declic::files {

namespace http = core::http;
using core::Error;
using http::problem;

namespace {
constexpr const char* kCache = "private, max-age=900";  // as long as a link lives
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
  reply.disposition = http::content_disposition(found->first.name);
  co_return http::file_response(req, std::move(file), reply);
}

}  // namespace declic::files
