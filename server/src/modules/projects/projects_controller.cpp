#include "modules/projects/projects_controller.hpp"

#include "core/http/json.hpp"
#include "core/time/time.hpp"

#include <boost/json.hpp>


namespace declic::projects {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using core::http::JsonReader;
using core::http::nullable;
using core::http::problem;
using core::http::Request;

json::value project_json(const Project& p) {
  json::object o{{"id", p.id},
                 {"status", p.status},
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
                 {"service", {{"id", p.service.id}, {"name", p.service.name}}}};
  json::array timeline;
  for (const auto& e : p.timeline)
    timeline.push_back({{"status", e.status},
                        {"at", e.at},
                        {"note", nullable(e.note)},
                        {"by", nullable(e.by)},
                        {"byName", nullable(e.by_name)}});
  o["timeline"] = std::move(timeline);
  return o;
}

ProjectsController::Response ProjectsController::list(Request& req) {
  ProjectQuery query;
  std::vector<core::FieldError> errors;
  if (auto status = req.query_param("status"); status && !status->empty()) {
    query.status = project_status_from(*status);
    if (!query.status) errors.push_back({"status", "invalid", "Unknown status."});
  }
  if (auto limit = http::read_limit(req, 200, errors)) query.limit = *limit;  // capped
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  if (auto cursor = req.query_param("cursor"); cursor && !cursor->empty()) query.cursor = *cursor;
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  json::array items;
  for (const auto& p : page->items) items.push_back(project_json(p));
  co_return http::json_reply(200, http::list_body(std::move(items), page->next_cursor));
}

ProjectsController::Response ProjectsController::get(Request& req) {
  auto project = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!project) co_return problem(project.error());
  co_return http::json_reply(200, project_json(*project));
}

ProjectsController::Response ProjectsController::update(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  ProjectPatch patch;
  if (auto status = r.optional_string("status", 1, 20)) {
    patch.status = project_status_from(*status);
    if (!patch.status)
      r.invalid("status", "invalid", "CONFIRMED, SHOT, EDITING, DELIVERED, CLOSED or CANCELLED.");
  }
  patch.note = r.optional_string("note", 1, 2000);
  if (r.has("dueDate") && r.is_null("dueDate")) {
    patch.due_date = std::optional<std::string>{};
  } else if (auto due = r.optional_string("dueDate", 10, 10)) {
    if (!core::time::parse_date(*due)) r.invalid("dueDate", "invalid", "A date YYYY-MM-DD.");
    patch.due_date = due;
  }
  patch.force = r.optional_bool("force").value_or(false);
  if (auto e = r.error()) co_return problem(*e);
  auto project =
      co_await service_.update(*req.principal, std::string(req.param("id")), patch, req.remote_ip);
  if (!project) co_return problem(project.error());
  co_return http::json_reply(200, project_json(*project));
}

Async<std::string> ProjectsOverview::overview(const Principal& me, const std::string& user_id) {
  ProjectQuery query;
  query.client_id = user_id;
  auto page = co_await service_.list(me, query);
  if (!page) co_return page.error();
  json::array items;
  for (const auto& p : page->items) items.push_back(project_json(p));
  co_return json::serialize(items);
}

}  // namespace declic::projects
