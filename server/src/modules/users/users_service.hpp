#pragma once
// Rules for users: who may see, create and change whom. Staff manage clients; only ADMIN
// creates staff, changes roles and disables accounts; a client only ever sees themself.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/users/users_repository.hpp"

namespace declic::users {

using core::auth::Principal;
template <class T>
using Async = boost::asio::awaitable<core::Result<T>>;

// What the users module needs from authentication (implemented by the auth module, so
// neither service depends on the other's internals).
class AccountHooks {
 public:
  virtual ~AccountHooks() = default;
  // A one-time link to set a password, mailed in the caller's transaction.
  virtual Async<void> invite(core::db::Queryable& tx, const User& user) = 0;
  // Ends every session of the user (but `keep_session`), effective immediately.
  virtual Async<void> end_sessions(core::db::Queryable& db, const std::string& user_id,
                                   const std::string& reason,
                                   const std::optional<std::string>& keep_session) = 0;
};

// A part of GET /api/users/{id}/overview owned by another module (bookings, projects…),
// added by the composition root so that this module depends on none of them.
class OverviewPart {
 public:
  virtual ~OverviewPart() = default;
  virtual std::string_view field() const = 0;
  // The part for `user_id` as JSON text; `me` may see that user (checked before).
  virtual Async<std::string> overview(const Principal& me, const std::string& user_id) = 0;
};

struct ProfilePatch {
  std::optional<std::string> first_name, last_name, locale;
  std::optional<std::optional<std::string>> phone;
};

class UsersService {
 public:
  UsersService(core::db::Pool& db, audit::AuditService& audit) : db_(db), audit_(audit) {}
  void set_account_hooks(AccountHooks& hooks) { hooks_ = &hooks; }
  void add_overview_part(OverviewPart& part) { overview_parts_.push_back(&part); }
  const std::vector<OverviewPart*>& overview_parts() const { return overview_parts_; }

  Async<UserProfile> update_me(const Principal& me, const ProfilePatch& patch);
  Async<UserPage> list(const Principal& me, const UserQuery& query);
  Async<User> create(const Principal& me, const NewUser& user, const std::string& ip);
  Async<User> get(const Principal& me, const std::string& id);
  Async<User> update(const Principal& me, const std::string& id, const UserPatch& requested,
                     const std::string& ip);
  Async<void> disable(const Principal& me, const std::string& id, const std::string& ip);

  // For the auth module and the command line.
  Async<User> insert(core::db::Queryable& db, const NewUser& user);
  Async<std::optional<User>> find_by_email(core::db::Queryable& db, const std::string& email);
  Async<std::optional<User>> find(core::db::Queryable& db, const std::string& id);
  Async<bool> set_password(core::db::Queryable& db, const std::string& id,
                           const std::string& hash);

 private:
  Async<User> visible(const Principal& me, const std::string& id);

  core::db::Pool& db_;
  audit::AuditService& audit_;
  AccountHooks* hooks_ = nullptr;
  std::vector<OverviewPart*> overview_parts_;
  UsersRepository repository_;
};

// Lower-cased, trimmed; nullopt when it does not look like an address.
std::optional<std::string> normalize_email(std::string_view raw);

}  // namespace declic::users
