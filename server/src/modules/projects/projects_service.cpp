#include "modules/projects/projects_service.hpp"

#include "core/db/locks.hpp"
#include "core/error/try.hpp"
#include "modules/projects/projects_events.hpp"
#include "modules/projects/projects_repository.hpp"

namespace declic::projects {

using core::Error;
using core::Result;
using core::db::LockScope;

namespace {

Error no_project() {
  return Error::not_found("project");
}

Error refused(ProjectStatus from, ProjectStatus to) {
  return Error::conflict("invalid_transition", "A project goes " + std::string(to_string(from)) +
                                                   " → the next step or CANCELLED, not " +
                                                   std::string(to_string(to)) + ".");
}

}  // namespace

ProjectsService::ProjectsService(core::db::Pool& db, core::events::Bus& events)
    : db_(db), events_(events), repository_(std::make_unique<ProjectsRepository>()) {}
ProjectsService::~ProjectsService() = default;

Async<ProjectPage> ProjectsService::list(const Principal& me, ProjectQuery query) {
  if (!me.is_staff()) query.client_id = me.id();
  co_return co_await repository_->list(db_, query);
}

Async<Project> ProjectsService::get(const Principal& me, const std::string& id) {
  DECLIC_CO_TRY(auto project, co_await repository_->get(db_, id));
  if (!me.is_staff() && project.client.id != me.id()) co_return no_project();
  co_return project;
}

Async<Project> ProjectsService::find(core::db::Queryable& db, const std::string& id) {
  co_return co_await repository_->get(db, id);
}

Async<Project> ProjectsService::update(const Principal& me, const std::string& id,
                                       const ProjectPatch& patch, const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (patch.force && !me.is_admin())
    co_return Error::forbidden("Only an administrator may force a status change.");
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Project> {
    DECLIC_CO_TRY(auto booking_id, co_await repository_->booking_of(tx, id));
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::booking, booking_id));
    DECLIC_CO_TRY(auto current, co_await repository_->lock(tx, id));
    const auto from = current.status;
    const auto to = patch.status.value_or(from);
    const bool changes = to != from;
    if (changes && !patch.force && !transition_allowed(from, to)) co_return refused(from, to);
    // Reopening a cancelled project needs its booking still standing (its slot may be gone).
    if (changes && from == ProjectStatus::cancelled && !current.booking_live)
      co_return Error::conflict("invalid_transition",
                                "This project's booking is no longer pending or confirmed; "
                                "book a new session instead.");
    // Nothing to change: nothing written (no event would tell the pages kept in memory).
    if (!changes && !patch.note && !patch.due_date) co_return co_await repository_->get(tx, id);
    DECLIC_CO_TRYV(co_await repository_->update(tx, id, to, patch.due_date));
    const std::optional<std::string> by = me.id();
    if (changes || patch.note)
      DECLIC_CO_TRYV(co_await repository_->add_event(tx, id, to, patch.note, by));
    const ProjectRef ref{id, current.booking_id, current.client_id};
    const Cause cause{me.id(), ip};
    if (changes) {
      const auto event = status_changed_event(ref, cause, from, to, patch.force, patch.note);
      DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    } else if (patch.note) {
      const auto event = note_added_event(ref, cause, to, *patch.note);
      DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    } else if (patch.due_date) {
      const auto event = due_date_changed_event(ref, cause, *patch.due_date);
      DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    }
    co_return co_await repository_->get(tx, id);
  });
}

Async<void> ProjectsService::create_for_booking(core::db::Queryable& tx,
                                                const core::events::Event& confirmed) {
  const auto& booking_id = confirmed.subject_id;
  DECLIC_CO_TRY(auto id, co_await repository_->insert(tx, booking_id));
  const std::optional<std::string> no_note;
  DECLIC_CO_TRYV(co_await repository_->add_event(tx, id, ProjectStatus::confirmed, no_note,
                                                 confirmed.actor_id));
  const ProjectRef ref{id, booking_id,
                       core::events::text_of(confirmed.data, "clientId").value_or("")};
  const Cause cause{confirmed.actor_id, confirmed.ip};
  const auto event = created_event(ref, cause);
  co_return co_await events_.publish(tx, event);
}

Async<void> ProjectsService::cancel_for_booking(core::db::Queryable& tx,
                                                const core::events::Event& cancelled) {
  DECLIC_CO_TRY(auto id, co_await repository_->find_by_booking(tx, cancelled.subject_id));
  if (!id) co_return Result<void>{};
  DECLIC_CO_TRY(auto current, co_await repository_->lock(tx, *id));
  if (!is_open(current.status)) co_return Result<void>{};
  const std::optional<std::optional<std::string>> keep_due_date;
  DECLIC_CO_TRYV(co_await repository_->update(tx, *id, ProjectStatus::cancelled, keep_due_date));
  const auto note = core::events::text_of(cancelled.data, "reason");
  DECLIC_CO_TRYV(
      co_await repository_->add_event(tx, *id, ProjectStatus::cancelled, note, cancelled.actor_id));
  const ProjectRef ref{*id, current.booking_id, current.client_id};
  const Cause cause{cancelled.actor_id, cancelled.ip};
  const auto event =
      status_changed_event(ref, cause, current.status, ProjectStatus::cancelled, false, note);
  co_return co_await events_.publish(tx, event);
}

}  // namespace declic::projects
