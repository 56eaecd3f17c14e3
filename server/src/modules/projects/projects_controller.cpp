#include "modules/projects/projects_controller.hpp"

#include "core/http/json.hpp"
#include "core/time/time.hpp"
#include "modules/projects/projects_json.hpp"

#include <boost/json.hpp>

namespace declic::projects {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using core::http::JsonReader;
using core::http::problem;
using core::http::Request;

http::Reply ProjectsController::list(Request& req) {
  ProjectQuery query;
  std::vector<core::FieldError> errors;
  if (auto status = req.query_param("status"); status && !status->empty()) {
    query.status = project_status_from(*status);
    if (!query.status) errors.push_back({"status", "invalid", "Unknown status."});
  }
  auto page_query = http::read_list_query(req, 200, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  query.limit = page_query.limit.value_or(query.limit);
  query.cursor = std::move(page_query.cursor);
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  const auto& me = *req.principal;
  co_return http::list_reply(*page, [&me](const Project& p) { return project_json(p, me); });
}

http::Reply ProjectsController::get(Request& req) {
  const auto kept = pages_.find(req.principal->id(), req.target);
  if (kept.body) co_return http::Response::json(200, *kept.body);
  auto project = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!project) co_return problem(project.error());
  auto reply = http::json_reply(200, project_json(*project, *req.principal));
  pages_.keep(kept, reply.body);
  co_return reply;
}

http::Reply ProjectsController::update(Request& req) {
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
  co_return http::json_reply(200, project_json(*project, *req.principal));
}

}  // namespace declic::projects
