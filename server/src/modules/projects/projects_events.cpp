#include "modules/projects/projects_events.hpp"

namespace declic::projects {

using core::events::Event;

namespace {
Event project_event(std::string type, const ProjectRef& p, const Cause& cause) {
  Event e;
  e.type = std::move(type);
  e.subject_id = p.id;
  e.actor_id = cause.actor_id;
  e.ip = cause.ip;
  e.audience = {true, {p.client_id}};
  e.data = {{"projectId", p.id}, {"bookingId", p.booking_id}, {"clientId", p.client_id}};
  return e;
}
}  // namespace

Event created_event(const ProjectRef& p, const Cause& cause) {
  auto e = project_event("project.created", p, cause);
  e.data["status"] = to_string(ProjectStatus::confirmed);
  return e;
}

Event status_changed_event(const ProjectRef& p, const Cause& cause, ProjectStatus from,
                           ProjectStatus to, bool forced, const std::optional<std::string>& note) {
  auto e = project_event("project.status_changed", p, cause);
  e.data["from"] = to_string(from);
  e.data["to"] = to_string(to);
  e.data["forced"] = forced;
  if (note) e.data["note"] = *note;
  return e;
}

Event note_added_event(const ProjectRef& p, const Cause& cause, ProjectStatus status,
                       const std::string& note) {
  auto e = project_event("project.note_added", p, cause);
  e.data["status"] = to_string(status);
  e.data["note"] = note;
  return e;
}

Event due_date_changed_event(const ProjectRef& p, const Cause& cause,
                             const std::optional<std::string>& due_date) {
  auto e = project_event("project.due_date_changed", p, cause);
  e.data["dueDate"] = due_date ? boost::json::value(*due_date) : boost::json::value(nullptr);
  return e;
}

}  // namespace declic::projects
