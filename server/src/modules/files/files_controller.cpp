#include "modules/files/files_controller.hpp"

#include "core/http/field_values.hpp"
#include "core/http/files.hpp"
#include "core/http/json.hpp"

namespace declic::files {

namespace http = core::http;
using core::Error;
using http::problem;

namespace {
constexpr const char* kCache = "private, max-age=900";  // as long as a link lives
}

namespace {
bool known_variant(std::string_view v) {
  return v == "original" || v == "preview" || v == "thumbnail";
}

// A rendition is WebP whatever the original was: "DSC_0012.jpg" → "DSC_0012.webp".
std::string webp_name(const std::string& name) {
  const auto dot = name.rfind('.');
  return (dot == std::string::npos || dot == 0 ? name : name.substr(0, dot)) + ".webp";
}

// A download counts once, not once per resumed range.
bool first_request_of_download(const http::Request& req) {
  const auto range = req.header("range");
  return !req.head && (range.empty() || range.starts_with("bytes=0-"));
}
}  // namespace

http::Reply FilesController::content(http::Request& req) {
  LinkSubject subject{std::string(req.param("id")), req.query_param("variant").value_or("original"),
                      req.query_param("by")};
  const auto sig = req.query_param("sig").value_or("");
  const auto exp = http::parse_integer(req.query_param("exp").value_or(""));
  if (!exp || !known_variant(subject.variant))
    co_return problem(Error::forbidden("This link is not valid or has expired."));
  auto found = co_await service_.open_by_link(subject, *exp, sig);
  if (!found) co_return problem(found.error());
  auto file = http::File::open(found->second);
  if (!file) co_return problem(Error::not_found("file"));
  const bool original = subject.variant == "original";
  http::FileReply reply;
  reply.content_type = original ? found->first.mime_type : "image/webp";
  reply.cache_control = kCache;
  if (original || subject.downloaded_by)
    reply.disposition =
        http::content_disposition(original ? found->first.name : webp_name(found->first.name));
  if (subject.downloaded_by && first_request_of_download(req)) {
    if (auto recorded = co_await service_.record_download(found->first, subject, req.remote_ip);
        !recorded)
      co_return problem(recorded.error());
  }
  co_return http::file_response(req, std::move(file), reply);
}

}  // namespace declic::files
