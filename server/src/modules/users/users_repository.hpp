#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/users/users_model.hpp"

namespace declic::users {

using core::Async;

// SQL for the users table. Lookups by id take any string: a malformed UUID finds nothing.
class UsersRepository {
 public:
  using Db = core::db::Queryable;

  Async<User> get(Db& db, const std::string& id);  // 404 inside
  Async<std::optional<User>> find(Db& db, const std::string& id);
  Async<std::optional<User>> find_by_email(Db& db, const std::string& email);
  Async<User> insert(Db& db, const NewUser& user);
  Async<User> update(Db& db, const std::string& id, const UserPatch& patch);  // 404 inside
  Async<bool> set_password(Db& db, const std::string& id, const std::string& hash);
  Async<UserPage> list(Db& db, const UserQuery& query);
  Async<std::vector<User>> active_staff(Db& db);
};

}  // namespace declic::users
