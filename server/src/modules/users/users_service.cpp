#include "modules/users/users_service.hpp"

#include "core/error/try.hpp"
#include "modules/users/users_events.hpp"
#include "modules/users/users_repository.hpp"

namespace declic::users {

using core::Error;
using core::Result;

namespace {
Error no_user() {
  return Error::not_found("user");
}

// What the signed-in user sees of themself (their principal) changes.
bool changes_profile(const UserPatch& p) {
  return p.first_name || p.last_name || p.locale || p.phone || p.address || p.notes;
}
}  // namespace

UsersService::UsersService(core::db::Pool& db, core::events::Bus& events)
    : db_(db), events_(events), repository_(std::make_unique<UsersRepository>()) {}
UsersService::~UsersService() = default;

Async<User> UsersService::get(const Principal& me, const std::string& id) {
  if (!me.is_staff() && id != me.id()) co_return no_user();  // never reveal others' ids
  co_return co_await repository_->get(db_, id);
}

Async<UserProfile> UsersService::update_me(const Principal& me, const ProfilePatch& p) {
  UserPatch patch;
  patch.first_name = p.first_name;
  patch.last_name = p.last_name;
  patch.locale = p.locale;
  patch.phone = p.phone;
  patch.address = p.address;
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<UserProfile> {
    DECLIC_CO_TRY(auto user, co_await repository_->update(tx, me.id(), patch));
    const auto event = updated_event(me, me.id());
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    co_return std::move(user.profile);
  });
}

Async<UserPage> UsersService::list(const Principal& me, const UserQuery& query) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->list(db_, query);
}

Async<User> UsersService::create(const Principal& me, const NewUser& user, const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (user.role != Role::client && !me.is_admin())
    co_return Error::forbidden("Only an administrator creates staff accounts.");
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<User> {
    DECLIC_CO_TRY(auto created, co_await repository_->insert(tx, user));
    const auto event = created_event(me, created, ip);
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    co_return created;
  });
}

Async<User> UsersService::update(const Principal& me, const std::string& id,
                                 const UserPatch& requested, const std::string& ip) {
  if (!me.is_staff()) co_return id == me.id() ? Error::forbidden("Use /api/me.") : no_user();
  DECLIC_CO_TRY(auto target, co_await get(me, id));
  // Unchanged role or status are not written: a form saved with stale values must not undo
  // an administrator's change made meanwhile.
  UserPatch patch = requested;
  if (patch.role == target.profile.role) patch.role.reset();
  if (patch.disabled == target.disabled) patch.disabled.reset();
  const bool target_is_staff = target.profile.role != Role::client;
  const bool role_change = patch.role.has_value();
  const bool status_change = patch.disabled.has_value();
  if (!me.is_admin() && (target_is_staff || role_change || status_change))
    co_return Error::forbidden("Only an administrator manages staff, roles and access.");
  if (id == me.id() && (role_change || (status_change && *patch.disabled)))
    co_return Error::conflict("cannot_change_self",
                              "You cannot change your own role or disable yourself.");

  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<User> {
    DECLIC_CO_TRY(auto updated, co_await repository_->update(tx, id, patch));
    if (changes_profile(patch)) {
      const auto event = updated_event(me, id);
      DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    }
    if (role_change) {
      const auto event = role_changed_event(me, id, target.profile.role, *patch.role, ip);
      DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    }
    if (status_change) {
      const auto event = access_event(me, id, *patch.disabled, ip);
      DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    }
    co_return updated;
  });
}

Async<void> UsersService::disable(const Principal& me, const std::string& id,
                                  const std::string& ip) {
  if (!me.is_admin()) co_return me.is_staff() || id == me.id() ? Error::forbidden() : no_user();
  UserPatch patch;
  patch.disabled = true;
  DECLIC_CO_TRYV(co_await update(me, id, patch, ip));
  co_return Result<void>{};
}

Async<User> UsersService::insert(core::db::Queryable& db, const NewUser& user) {
  co_return co_await repository_->insert(db, user);
}

Async<std::optional<User>> UsersService::find_by_email(core::db::Queryable& db,
                                                       const std::string& email) {
  co_return co_await repository_->find_by_email(db, email);
}

Async<std::optional<User>> UsersService::find(core::db::Queryable& db, const std::string& id) {
  co_return co_await repository_->find(db, id);
}

Async<std::vector<User>> UsersService::active_staff(core::db::Queryable& db) {
  co_return co_await repository_->active_staff(db);
}

Async<bool> UsersService::set_password(core::db::Queryable& db, const std::string& id,
                                       const std::string& hash) {
  co_return co_await repository_->set_password(db, id, hash);
}

}  // namespace declic::users
