// The one table from Errc to HTTP status, and the RFC 9457 body every error reply carries.
#include "core/http/problem.hpp"
#include "core/error/error.hpp"
#include "core/http/http.hpp"

#include <boost/json.hpp>

namespace declic::core::http {

namespace {
struct StatusInfo {
  int status;
  const char* title;
};

StatusInfo info(Errc errc) {
  switch (errc) {
    case Errc::bad_request:
      return {400, "Bad request"};
    case Errc::unauthorized:
      return {401, "Unauthorized"};
    case Errc::forbidden:
      return {403, "Forbidden"};
    case Errc::not_found:
      return {404, "Not found"};
    case Errc::method_not_allowed:
      return {405, "Method not allowed"};
    case Errc::conflict:
      return {409, "Conflict"};
    case Errc::retry:
      return {409, "Conflict"};
    case Errc::gone:
      return {410, "Gone"};
    case Errc::payload_too_large:
      return {413, "Payload too large"};
    case Errc::unsupported_media_type:
      return {415, "Unsupported media type"};
    case Errc::range_not_satisfiable:
      return {416, "Range not satisfiable"};
    case Errc::precondition_failed:
      return {412, "Precondition failed"};
    case Errc::checksum_mismatch:
      return {460, "Checksum mismatch"};
    case Errc::validation:
      return {422, "Unprocessable content"};
    case Errc::upgrade_required:
      return {426, "Upgrade required"};
    case Errc::rate_limited:
      return {429, "Too many requests"};
    case Errc::headers_too_large:
      return {431, "Request header fields too large"};
    case Errc::unavailable:
      return {503, "Service unavailable"};
    case Errc::not_implemented:
      return {501, "Not implemented"};
    case Errc::internal:
      break;
  }
  return {500, "Internal server error"};
}
}  // namespace

int status_of(Errc errc) {
  return info(errc).status;
}

Response Response::problem(const Error& error) {
  const auto [status, title] = info(error.errc);
  // Internal details (database messages, bugs) never reach the caller.
  const bool internal = status == 500;
  const std::string code = internal ? "internal" : error.code;
  boost::json::object body{
      {"type", "/problems/" + code},
      {"title", title},
      {"status", status},
      {"detail", internal ? "An unexpected error occurred." : error.detail},
      {"code", code},
  };
  if (!error.fields.empty()) {
    boost::json::array fields;
    for (const auto& f : error.fields)
      fields.push_back({{"field", f.field}, {"code", f.code}, {"message", f.message}});
    body["errors"] = std::move(fields);
  }
  auto res = Response::text(status, boost::json::serialize(body), "application/problem+json");
  if (error.retry_after_seconds) res.set("Retry-After", std::to_string(*error.retry_after_seconds));
  if (!error.allow.empty()) {
    std::string allow;
    for (const auto& m : error.allow) allow += (allow.empty() ? "" : ", ") + m;
    res.set("Allow", allow);
  }
  return res;
}

}  // namespace declic::core::http
