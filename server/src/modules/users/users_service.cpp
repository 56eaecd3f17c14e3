#include "modules/users/users_service.hpp"

namespace declic::users {

using core::Error;
using core::Result;

using core::auth::to_string;

namespace {
Error no_user() { return Error::not_found("user"); }
}  // namespace

std::optional<std::string> normalize_email(std::string_view raw) {
  std::string e;
  for (char c : raw) e += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto b = e.find_first_not_of(" \t");
  if (b == std::string::npos) return std::nullopt;
  e = e.substr(b, e.find_last_not_of(" \t") - b + 1);
  const auto at = e.find('@');
  if (e.size() < 3 || e.size() > 254 || at == 0 || at == std::string::npos ||
      e.find('@', at + 1) != std::string::npos)
    return std::nullopt;
  const auto domain = e.substr(at + 1);
  if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.')
    return std::nullopt;
  for (unsigned char c : e)
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '\\')
      return std::nullopt;
  return e;
}

Async<User> UsersService::visible(const Principal& me, const std::string& id) {
  if (!me.is_staff() && id != me.id()) co_return no_user();  // never reveal others' ids
  auto user = co_await repository_.find(db_, id);
  if (!user) co_return user.error();
  if (!*user) co_return no_user();
  co_return std::move(**user);
}

Async<UserProfile> UsersService::update_me(const Principal& me, const ProfilePatch& p) {
  UserPatch patch;
  patch.first_name = p.first_name;
  patch.last_name = p.last_name;
  patch.locale = p.locale;
  patch.phone = p.phone;
  auto user = co_await repository_.update(db_, me.id(), patch);
  if (!user) co_return user.error();
  if (!*user) co_return no_user();
  co_return std::move((*user)->profile);
}

Async<UserPage> UsersService::list(const Principal& me, const UserQuery& query) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_.list(db_, query);
}

Async<User> UsersService::create(const Principal& me, const NewUser& user, const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (user.role != Role::client && !me.is_admin())
    co_return Error::forbidden("Only an administrator creates staff accounts.");
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<User> {
    auto created = co_await repository_.insert(tx, user);
    if (!created) co_return created.error();
    if (auto sent = co_await hooks_->invite(tx, *created); !sent) co_return sent.error();
    const audit::AuditEvent event(me.id(), "user.created", created->profile.id, ip,
                                  audit::detail("role", std::string(to_string(user.role))));
    auto logged = co_await audit_.record(tx, event);
    if (!logged) co_return logged.error();
    co_return std::move(*created);
  });
}

Async<User> UsersService::get(const Principal& me, const std::string& id) {
  co_return co_await visible(me, id);
}

Async<User> UsersService::update(const Principal& me, const std::string& id,
                                 const UserPatch& requested, const std::string& ip) {
  if (!me.is_staff()) co_return id == me.id() ? Error::forbidden("Use /api/me.") : no_user();
  auto target = co_await visible(me, id);
  if (!target) co_return target.error();
  // Unchanged role or status are not written: a form saved with stale values must not undo
  // an administrator's change made meanwhile.
  UserPatch patch = requested;
  if (patch.role == target->profile.role) patch.role.reset();
  if (patch.disabled == target->disabled) patch.disabled.reset();
  const bool target_is_staff = target->profile.role != Role::client;
  const bool role_change = patch.role.has_value();
  const bool status_change = patch.disabled.has_value();
  if (!me.is_admin() && (target_is_staff || role_change || status_change))
    co_return Error::forbidden("Only an administrator manages staff, roles and access.");
  if (id == me.id() && (role_change || (status_change && *patch.disabled)))
    co_return Error::conflict("cannot_change_self",
                              "You cannot change your own role or disable yourself.");

  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<User> {
    auto updated = co_await repository_.update(tx, id, patch);
    if (!updated) co_return updated.error();
    if (!*updated) co_return no_user();
    if (role_change) {
      const audit::AuditEvent event(
          me.id(), "user.role_changed", id, ip,
          audit::detail("from", std::string(to_string(target->profile.role)), "to",
                        std::string(to_string(*patch.role))));
      auto r = co_await audit_.record(tx, event);
      if (!r) co_return r.error();
    }
    if (status_change) {
      const audit::AuditEvent event(me.id(), *patch.disabled ? "user.disabled" : "user.enabled",
                                    id, ip);
      auto r = co_await audit_.record(tx, event);
      if (!r) co_return r.error();
      if (*patch.disabled) {
        auto ended = co_await hooks_->end_sessions(tx, id, "disabled", std::nullopt);
        if (!ended) co_return ended.error();
      }
    }
    co_return std::move(**updated);
  });
}

Async<void> UsersService::disable(const Principal& me, const std::string& id,
                                  const std::string& ip) {
  if (!me.is_admin()) co_return me.is_staff() || id == me.id() ? Error::forbidden() : no_user();
  UserPatch patch;
  patch.disabled = true;
  auto r = co_await update(me, id, patch, ip);
  if (!r) co_return r.error();
  co_return Result<void>{};
}

Async<User> UsersService::insert(core::db::Queryable& db, const NewUser& user) {
  co_return co_await repository_.insert(db, user);
}

Async<std::optional<User>> UsersService::find_by_email(core::db::Queryable& db,
                                                       const std::string& email) {
  co_return co_await repository_.find_by_email(db, email);
}

Async<std::optional<User>> UsersService::find(core::db::Queryable& db, const std::string& id) {
  co_return co_await repository_.find(db, id);
}

Async<bool> UsersService::set_password(core::db::Queryable& db, const std::string& id,
                                       const std::string& hash) {
  co_return co_await repository_.set_password(db, id, hash);
}

}  // namespace declic::users
