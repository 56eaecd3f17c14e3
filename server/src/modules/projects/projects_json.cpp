#include "modules/projects/projects_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::projects {

namespace json = boost::json;
using core::http::nullable;

json::value project_json(const Project& p, const core::auth::Principal& viewer) {
  json::array next;
  if (viewer.is_staff())
    for (auto s : next_statuses(p.status)) next.push_back(json::string(to_string(s)));
  json::array timeline;
  for (const auto& e : p.timeline)
    timeline.push_back({{"status", e.status},
                        {"at", e.at},
                        {"note", nullable(e.note)},
                        {"by", nullable(e.by)},
                        {"byName", nullable(e.by_name)}});
  return json::object{{"id", p.id},
                      {"status", to_string(p.status)},
                      {"dueDate", nullable(p.due_date)},
                      {"createdAt", p.created_at},
                      {"updatedAt", p.updated_at},
                      {"booking",
                       {{"id", p.booking.id},
                        {"status", p.booking.status},
                        {"start", p.booking.start},
                        {"end", p.booking.end}}},
                      {"client",
                       {{"id", p.client.id},
                        {"firstName", p.client.first_name},
                        {"lastName", p.client.last_name},
                        {"email", p.client.email}}},
                      {"service", {{"id", p.service.id}, {"name", p.service.name}}},
                      {"timeline", std::move(timeline)},
                      {"nextStatuses", std::move(next)}};
}

}  // namespace declic::projects
