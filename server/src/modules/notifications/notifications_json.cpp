#include "modules/notifications/notifications_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::notifications {

namespace json = boost::json;

json::value notification_json(const Notification& n) {
  auto data = json::parse(n.data_json);
  return json::object{{"id", n.id},
                      {"kind", to_string(n.kind)},
                      {"type", n.type},
                      {"subjectId", n.subject_id},
                      {"data", data.is_object() ? std::move(data) : json::object()},
                      {"createdAt", n.created_at},
                      {"readAt", core::http::nullable(n.read_at)}};
}

json::value preferences_json(const Preferences& p) {
  json::object o;
  for (const auto kind : kKinds) o[to_string(kind)] = to_string(p.of(kind));
  return o;
}

}  // namespace declic::notifications
