#pragma once
// The domain events the projects module publishes, for the project's client and the staff.
// Subscribers: bookings (a project cancelled frees its booking's slot, in the same
// transaction), audit (records status changes).
//
//   project.created         {projectId, bookingId, clientId, status}
//   project.status_changed  {projectId, bookingId, clientId, from, to, forced, note}
//   project.note_added      {projectId, bookingId, clientId, status, note}
//   project.due_date_changed {projectId, bookingId, clientId, dueDate} (alone: no status or note)

#include "core/events/events.hpp"
#include "modules/projects/projects_model.hpp"

namespace declic::projects {

struct ProjectRef {
  std::string id, booking_id, client_id;
};

struct Cause {
  std::optional<std::string> actor_id;
  std::string ip;
};

core::events::Event created_event(const ProjectRef& p, const Cause& cause);
core::events::Event status_changed_event(const ProjectRef& p, const Cause& cause,
                                         ProjectStatus from, ProjectStatus to, bool forced,
                                         const std::optional<std::string>& note);
core::events::Event note_added_event(const ProjectRef& p, const Cause& cause, ProjectStatus status,
                                     const std::string& note);

core::events::Event due_date_changed_event(const ProjectRef& p, const Cause& cause,
                                           const std::optional<std::string>& due_date);

}  // namespace declic::projects
