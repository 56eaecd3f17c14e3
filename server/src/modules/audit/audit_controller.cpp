#include "modules/audit/audit_controller.hpp"

#include "core/http/json.hpp"
#include "core/time/time.hpp"
#include "core/util/uuid.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace declic::audit {

namespace json = boost::json;
namespace http = core::http;
using core::Error;

namespace {

json::value nullable(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

// A positive integer query parameter; false when present and not one.
bool read_positive(const http::Request& req, const char* name, std::optional<std::int64_t>& out) {
  auto text = req.query_param(name);
  if (!text || text->empty()) return true;
  std::int64_t n = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || p != text->data() + text->size() || n < 1) return false;
  out = n;
  return true;
}

// `from`/`to`: a date (UTC midnight; `to` includes that day) or an RFC 3339 time.
bool read_time(const http::Request& req, const char* name, bool end_of_day,
               std::optional<std::int64_t>& out) {
  auto text = req.query_param(name);
  if (!text || text->empty()) return true;
  std::optional<core::time::Instant> t;
  if (auto day = core::time::parse_date(*text))
    t = core::time::Instant(*day + std::chrono::days(end_of_day ? 1 : 0));
  else
    t = core::time::parse_rfc3339_bound(*text);
  if (!t) return false;
  out = t->time_since_epoch().count();
  return true;
}

}  // namespace

boost::asio::awaitable<http::Response> AuditController::list(http::Request& req) {
  AuditQuery q;
  std::vector<core::FieldError> errors;
  if (auto actor = req.query_param("actor"); actor && !actor->empty()) {
    if (!core::is_uuid(*actor)) errors.push_back({"actor", "invalid", "A user id."});
    q.actor_id = *actor;
  }
  if (auto action = req.query_param("action"); action && !action->empty()) {
    if (action->size() > 100) errors.push_back({"action", "too_long", "At most 100 characters."});
    q.action = *action;
  }
  if (!read_time(req, "from", false, q.from_epoch))
    errors.push_back({"from", "invalid", "A date YYYY-MM-DD or an RFC 3339 time."});
  if (!read_time(req, "to", true, q.to_epoch))
    errors.push_back({"to", "invalid", "A date YYYY-MM-DD or an RFC 3339 time."});
  std::optional<std::int64_t> limit;
  if (!read_positive(req, "limit", limit))
    errors.push_back({"limit", "invalid", "A positive integer."});
  if (!read_positive(req, "cursor", q.before_id))
    errors.push_back({"cursor", "invalid", "Unknown cursor."});
  if (!errors.empty()) co_return http::Response::problem(Error::validation(std::move(errors)));
  q.limit = static_cast<int>(std::min<std::int64_t>(limit.value_or(100), 200));  // capped
  auto events = co_await service_.list(*req.principal, q);
  if (!events) co_return http::Response::problem(events.error());
  json::array items;
  for (const auto& e : *events) {
    boost::system::error_code ec;
    auto detail = json::parse(e.detail_json, ec);
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"actorId", nullable(e.actor_id)},
                     {"actorEmail", nullable(e.actor_email)},
                     {"action", e.action},
                     {"targetId", nullable(e.target_id)},
                     {"ip", nullable(e.ip)},
                     {"detail", ec ? json::value(json::object()) : std::move(detail)}});
  }
  std::optional<std::string> next;
  if (static_cast<int>(events->size()) == q.limit && !events->empty())
    next = std::to_string(events->back().id);
  co_return http::json_reply(200, http::list_body(std::move(items), next));
}

}  // namespace declic::audit
