#include "modules/projects/projects_service.hpp"

#include <array>

namespace declic::projects {

using core::Error;
using core::Result;

namespace {

constexpr std::array<std::string_view, 6> kNames{"CONFIRMED", "SHOT",   "EDITING",
                                                 "DELIVERED", "CLOSED", "CANCELLED"};

bool is_open(ProjectStatus s) { return s != ProjectStatus::closed && s != ProjectStatus::cancelled; }

Error no_project() { return Error::not_found("project"); }

}  // namespace

std::string_view to_string(ProjectStatus s) { return kNames[static_cast<std::size_t>(s)]; }

std::optional<ProjectStatus> project_status_from(std::string_view text) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == text) return static_cast<ProjectStatus>(i);
  return std::nullopt;
}

bool transition_allowed(ProjectStatus from, ProjectStatus to) {
  if (!is_open(from)) return false;
  if (to == ProjectStatus::cancelled) return true;
  return static_cast<int>(to) == static_cast<int>(from) + 1;
}

Async<ProjectPage> ProjectsService::list(const Principal& me, ProjectQuery query) {
  if (!me.is_staff()) query.client_id = me.id();
  co_return co_await repository_.list(db_, query);
}

Async<Project> ProjectsService::get(const Principal& me, const std::string& id) {
  auto project = co_await repository_.find(db_, id);
  if (!project) co_return project.error();
  if (!*project || (!me.is_staff() && (*project)->client.id != me.id())) co_return no_project();
  co_return std::move(**project);
}

Async<Project> ProjectsService::update(const Principal& me, const std::string& id,
                                       const ProjectPatch& patch, const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (patch.force && !me.is_admin())
    co_return Error::forbidden("Only an administrator may force a status change.");
  auto updated = co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    // The booking's row first, then the project's: the order every transaction follows.
    auto booking = co_await repository_.booking_of(tx, id);
    if (!booking) co_return booking.error();
    if (!*booking) co_return no_project();
    bool booking_live = false;
    if (bookings_) {
      auto live = co_await bookings_->lock_booking(tx, **booking);
      if (!live) co_return live.error();
      booking_live = *live;
    }
    auto current = co_await repository_.lock(tx, id);
    if (!current) co_return current.error();
    if (!*current) co_return no_project();
    const auto from = **current;
    const auto to = patch.status.value_or(from);
    const bool changes = to != from;
    if (changes && !patch.force && !transition_allowed(from, to))
      co_return Error::conflict("invalid_transition",
                                "A project goes " + std::string(to_string(from)) +
                                    " → the next step or CANCELLED, not " +
                                    std::string(to_string(to)) + ".");
    // Reopening a cancelled project needs its booking still standing (its slot may be gone).
    if (changes && from == ProjectStatus::cancelled && !booking_live)
      co_return Error::conflict("invalid_transition",
                                "This project's booking is no longer pending or confirmed; "
                                "book a new session instead.");
    // A cancelled project frees its booking's slot, in the same transaction.
    if (changes && to == ProjectStatus::cancelled && booking_live) {
      auto cancelled = co_await bookings_->cancel_booking(tx, me, **booking, patch.note, ip);
      if (!cancelled) co_return cancelled.error();
    }
    auto saved = co_await repository_.update(tx, id, to, patch.due_date);
    if (!saved) co_return saved.error();
    if (changes || patch.note) {
      auto event = co_await repository_.add_event(tx, id, to, patch.note, me.id());
      if (!event) co_return event.error();
    }
    if (changes) {
      const audit::AuditEvent event(
          me.id(), patch.force ? "project.status_forced" : "project.status_changed", id, ip,
          audit::detail("from", std::string(to_string(from)), "to", std::string(to_string(to))));
      auto logged = co_await audit_.record(tx, event);
      if (!logged) co_return logged.error();
    }
    co_return Result<void>{};
  });
  if (!updated) co_return updated.error();
  co_return co_await get(me, id);
}

Async<std::string> ProjectsService::create_for_booking(core::db::Queryable& tx,
                                                       const std::string& booking_id,
                                                       const std::string& by) {
  auto id = co_await repository_.insert(tx, booking_id);
  if (!id) co_return id.error();
  const std::optional<std::string> no_note;  // a named local in a co_await (g++ 12)
  auto event = co_await repository_.add_event(tx, *id, ProjectStatus::confirmed, no_note, by);
  if (!event) co_return event.error();
  co_return std::move(*id);
}

Async<std::optional<ProjectStatus>> ProjectsService::lock_for_booking(
    core::db::Queryable& tx, const std::string& booking_id) {
  auto id = co_await repository_.find_by_booking(tx, booking_id);
  if (!id) co_return id.error();
  if (!*id) co_return std::optional<ProjectStatus>{};
  co_return co_await repository_.lock(tx, **id);
}

Async<void> ProjectsService::cancel_for_booking(core::db::Queryable& tx,
                                                const std::string& booking_id,
                                                const std::string& by,
                                                const std::optional<std::string>& note) {
  auto id = co_await repository_.find_by_booking(tx, booking_id);
  if (!id) co_return id.error();
  if (!*id) co_return Result<void>{};
  auto current = co_await repository_.lock(tx, **id);
  if (!current) co_return current.error();
  if (!*current || !is_open(**current)) co_return Result<void>{};
  const std::optional<std::optional<std::string>> keep_due_date;
  auto saved = co_await repository_.update(tx, **id, ProjectStatus::cancelled, keep_due_date);
  if (!saved) co_return saved.error();
  co_return co_await repository_.add_event(tx, **id, ProjectStatus::cancelled, note, by);
}

}  // namespace declic::projects
