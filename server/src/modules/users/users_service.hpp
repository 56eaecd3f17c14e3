#pragma once
// Rules for users: who may see, create and change whom. Staff manage clients; only ADMIN
// creates staff, changes roles and disables accounts; a client only ever sees themself.
// Changes others react to are published as events (users_events.hpp): the auth module
// invites new accounts and ends a disabled user's sessions in the same transaction.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "modules/users/users_model.hpp"

#include <memory>

namespace declic::users {

using core::Async;
using core::auth::Principal;

class UsersRepository;

class UsersService {
 public:
  UsersService(core::db::Pool& db, core::events::Bus& events);
  ~UsersService();

  Async<UserProfile> update_me(const Principal& me, const ProfilePatch& patch);
  Async<UserPage> list(const Principal& me, const UserQuery& query);
  Async<User> create(const Principal& me, const NewUser& user, const std::string& ip);
  // Staff see anyone; a client only themself (anyone else: 404).
  Async<User> get(const Principal& me, const std::string& id);
  Async<User> update(const Principal& me, const std::string& id, const UserPatch& requested,
                     const std::string& ip);
  Async<void> disable(const Principal& me, const std::string& id, const std::string& ip);

  // For the auth module and the command line, in the caller's transaction.
  Async<User> insert(core::db::Queryable& db, const NewUser& user);
  Async<std::optional<User>> find_by_email(core::db::Queryable& db, const std::string& email);
  Async<std::optional<User>> find(core::db::Queryable& db, const std::string& id);
  // Every enabled PROFESSIONNEL and ADMIN (the studio's side of a conversation).
  Async<std::vector<User>> active_staff(core::db::Queryable& db);
  Async<bool> set_password(core::db::Queryable& db, const std::string& id, const std::string& hash);

 private:
  core::db::Pool& db_;
  core::events::Bus& events_;
  std::unique_ptr<UsersRepository> repository_;
};

}  // namespace declic::users
