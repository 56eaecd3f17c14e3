#pragma once
// Rules for projects: a client sees their own (another's answers 404); staff see all and
// move them along; only an ADMIN may force an out-of-order change. A project is created
// when its booking is confirmed and cancelled with it (in-transaction subscriptions to the
// bookings module's events); a project cancelled here publishes project.status_changed, on
// which the bookings module frees the booking's slot in the same transaction. Every change
// takes the booking's lock first (core/db/locks.hpp).

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "modules/projects/projects_model.hpp"

#include <memory>

namespace declic::projects {

using core::Async;
using core::auth::Principal;

class ProjectsRepository;

class ProjectsService {
 public:
  ProjectsService(core::db::Pool& db, core::events::Bus& events);
  ~ProjectsService();

  Async<ProjectPage> list(const Principal& me, ProjectQuery query);
  Async<Project> get(const Principal& me, const std::string& id);
  Async<Project> update(const Principal& me, const std::string& id, const ProjectPatch& patch,
                        const std::string& ip);

  // For other modules (messages, notifications): a project as stored, whoever asks.
  Async<Project> find(core::db::Queryable& db, const std::string& id);

  // In the transaction that confirms or cancels the booking (booking.confirmed,
  // booking.cancelled), under its lock.
  Async<void> create_for_booking(core::db::Queryable& tx, const core::events::Event& confirmed);
  Async<void> cancel_for_booking(core::db::Queryable& tx, const core::events::Event& cancelled);

 private:
  core::db::Pool& db_;
  core::events::Bus& events_;
  std::unique_ptr<ProjectsRepository> repository_;
};

}  // namespace declic::projects
