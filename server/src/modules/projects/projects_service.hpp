#pragma once
// Rules for projects: a client sees their own (another's answers 404); staff see all and
// move them along; only an ADMIN may force an out-of-order change. The bookings module
// creates a project when it confirms a booking and cancels it with the booking; a project
// cancelled here cancels its booking through BookingLink, in the same transaction.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/projects/projects_repository.hpp"

namespace declic::projects {

using core::auth::Principal;
template <class T>
using Async = boost::asio::awaitable<core::Result<T>>;

// What a project needs of its booking. The bookings module depends on this one, so it hands
// itself in at start-up (ProjectsService::link_bookings) rather than being included here.
class BookingLink {
 public:
  virtual ~BookingLink() = default;
  // Locks the booking's row until the transaction ends; true while PENDING or CONFIRMED.
  virtual Async<bool> lock_booking(core::db::Queryable& tx, const std::string& booking_id) = 0;
  // Cancels the (live) booking, freeing its slot; mailed and audited like a cancel. It does
  // not touch the project: the caller is changing it.
  virtual Async<void> cancel_booking(core::db::Queryable& tx, const Principal& me,
                                     const std::string& booking_id,
                                     const std::optional<std::string>& reason,
                                     const std::string& ip) = 0;
};

class ProjectsService {
 public:
  ProjectsService(core::db::Pool& db, audit::AuditService& audit) : db_(db), audit_(audit) {}
  void link_bookings(BookingLink& bookings) { bookings_ = &bookings; }

  Async<ProjectPage> list(const Principal& me, ProjectQuery query);
  Async<Project> get(const Principal& me, const std::string& id);
  Async<Project> update(const Principal& me, const std::string& id, const ProjectPatch& patch,
                        const std::string& ip);

  // For the bookings module, in its transaction. Returns the new project's id.
  Async<std::string> create_for_booking(core::db::Queryable& tx, const std::string& booking_id,
                                        const std::string& by);
  // The status of the booking's project (nullopt: none), its row locked until the
  // transaction ends. Lock the booking's row first: bookings, then projects, everywhere.
  Async<std::optional<ProjectStatus>> lock_for_booking(core::db::Queryable& tx,
                                                       const std::string& booking_id);
  // Cancels the booking's project, if it has one still open.
  Async<void> cancel_for_booking(core::db::Queryable& tx, const std::string& booking_id,
                                 const std::string& by, const std::optional<std::string>& note);

 private:
  core::db::Pool& db_;
  audit::AuditService& audit_;
  BookingLink* bookings_ = nullptr;
  ProjectsRepository repository_;
};

}  // namespace declic::projects
