#include "modules/notifications/notifications_controller.hpp"

#include "core/http/json.hpp"
#include "core/util/uuid.hpp"
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

// {ids: [uuid…]} (at most 200) or {all: true}.
std::optional<std::vector<std::string>> read_ids(const json::object& body,
                                                 std::vector<core::FieldError>& errors) {
  const auto* value = body.if_contains("ids");
  if (!value || !value->is_array() || value->as_array().empty() ||
      value->as_array().size() > kMaxIds) {
    errors.push_back({"ids", "invalid", "A list of 1 to 200 notification ids, or all: true."});
    return std::nullopt;
  }
  std::vector<std::string> ids;
  for (const auto& item : value->as_array()) {
    if (!item.is_string() || !core::is_uuid(item.as_string())) {
      errors.push_back({"ids", "invalid", "A list of notification ids."});
      return std::nullopt;
    }
    ids.emplace_back(item.as_string());
  }
  return ids;
}

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

http::Reply NotificationsController::read(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  std::vector<core::FieldError> errors;
  const auto* all = body->if_contains("all");
  if (all && !(all->is_bool() && all->get_bool()))
    errors.push_back({"all", "invalid", "Only true."});
  std::optional<std::vector<std::string>> ids;
  if (!all) ids = read_ids(*body, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  auto done = co_await service_.read(*req.principal, ids.value_or(std::vector<std::string>{}),
                                     all != nullptr);
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
  std::vector<core::FieldError> errors;
  std::vector<std::pair<Kind, MailMode>> changes;
  for (const auto& [key, value] : *body) {
    const auto kind = kind_from(key);
    const auto mode = value.is_string() ? mail_mode_from(value.get_string()) : std::nullopt;
    if (!kind)
      errors.push_back({std::string(key), "unknown", "Not a kind of notification."});
    else if (!mode)
      errors.push_back({std::string(key), "invalid", "instant, digest or off."});
    else
      changes.emplace_back(*kind, *mode);
  }
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  auto saved = co_await service_.set_preferences(*req.principal, changes);
  if (!saved) co_return problem(saved.error());
  co_return http::json_reply(200, preferences_json(*saved));
}

}  // namespace declic::notifications
