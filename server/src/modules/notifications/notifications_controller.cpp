#include "modules/notifications/notifications_controller.hpp"

#include "core/http/json.hpp"
#include "modules/notifications/notifications_json.hpp"

#include <boost/json.hpp>

namespace declic::notifications {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using http::problem;
using http::Request;

namespace {
constexpr std::size_t kMaxIds = 200;
}  // namespace

http::Reply NotificationsController::list(Request& req) {
  std::vector<core::FieldError> errors;
  auto query = http::read_list_query(req, 100, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  std::optional<std::int64_t> before;
  if (query.cursor) before = query.cursor->key;
  auto page = co_await service_.list(*req.principal, before, query.limit.value_or(30));
  if (!page) co_return problem(page.error());
  json::array items;
  for (const auto& n : page->items) items.push_back(notification_json(n));
  auto body = http::list_body(std::move(items), page->next_cursor);
  body["unreadCount"] = page->unread_count;
  co_return http::json_reply(200, body);
}

// {ids: [uuid…]} (1 to 200 of the caller's) or {all: true}.
http::Reply NotificationsController::read(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  http::JsonReader r(*body);
  const bool all = r.has("all") && !r.is_null("all");
  std::optional<std::vector<std::string>> ids;
  if (all) {
    if (const auto flag = r.optional_bool("all"); flag == false)
      r.invalid("all", "invalid", "Only true.");
  } else {
    ids = r.id_list("ids", 1, kMaxIds);
  }
  if (auto e = r.error()) co_return problem(*e);
  auto done = co_await service_.read(*req.principal, ids.value_or(std::vector<std::string>{}), all);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply NotificationsController::preferences(Request& req) {
  auto preferences = co_await service_.preferences(*req.principal);
  if (!preferences) co_return problem(preferences.error());
  co_return http::json_reply(200, preferences_json(*preferences));
}

// Any subset of {messages, bookings, projects}, each "instant" | "digest" | "off".
http::Reply NotificationsController::set_preferences(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  http::JsonReader r(*body);
  std::vector<std::pair<Kind, MailMode>> changes;
  for (const auto& [key, value] : *body) {
    const std::string field(key);
    const auto kind = kind_from(field);
    const auto mode = value.is_string() ? mail_mode_from(value.get_string()) : std::nullopt;
    if (!kind)
      r.invalid(field.c_str(), "unknown", "Not a kind of notification.");
    else if (!value.is_string())
      r.wrong_type(field.c_str(), "Expected a string.");
    else if (!mode)
      r.invalid(field.c_str(), "invalid", "instant, digest or off.");
    else
      changes.emplace_back(*kind, *mode);
  }
  if (auto e = r.error()) co_return problem(*e);
  auto saved = co_await service_.set_preferences(*req.principal, changes);
  if (!saved) co_return problem(saved.error());
  co_return http::json_reply(200, preferences_json(*saved));
}

}  // namespace declic::notifications
