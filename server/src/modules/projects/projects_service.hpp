#pragma once
// Rules for projects: a client sees their own (another's answers 404); staff see all and
// move them along; only an ADMIN may force an out-of-order change. The bookings module
// creates a project when it confirms a booking and cancels it with the booking.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/projects/projects_repository.hpp"

namespace declic::projects {

using core::auth::Principal;
template <class T>
using Async = boost::asio::awaitable<core::Result<T>>;

class ProjectsService {
 public:
  ProjectsService(core::db::Pool& db, audit::AuditService& audit) : db_(db), audit_(audit) {}

  Async<ProjectPage> list(const Principal& me, ProjectQuery query);
  Async<Project> get(const Principal& me, const std::string& id);
  Async<Project> update(const Principal& me, const std::string& id, const ProjectPatch& patch,
                        const std::string& ip);

  // For the bookings module, in its transaction. Returns the new project's id.
  Async<std::string> create_for_booking(core::db::Queryable& tx, const std::string& booking_id,
                                        const std::string& by);
  // Cancels the booking's project, if it has one still open.
  Async<void> cancel_for_booking(core::db::Queryable& tx, const std::string& booking_id,
                                 const std::string& by, const std::optional<std::string>& note);

 private:
  core::db::Pool& db_;
  audit::AuditService& audit_;
  ProjectsRepository repository_;
};

}  // namespace declic::projects
