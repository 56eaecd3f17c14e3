#pragma once
#include "core/db/db.hpp"
#include "core/util/uuid.hpp"
#include "modules/users/users_model.hpp"

namespace declic::users {

// SQL for the users table. Lookups by id take any string: a malformed UUID finds nothing.
class UsersRepository {
 public:
  using Db = core::db::Queryable;
  template <class T>
  using Async = boost::asio::awaitable<core::Result<T>>;

  Async<std::optional<User>> find(Db& db, const std::string& id);
  Async<std::optional<User>> find_by_email(Db& db, const std::string& email);
  Async<User> insert(Db& db, const NewUser& user);
  Async<std::optional<User>> update(Db& db, const std::string& id, const UserPatch& patch);
  Async<bool> set_password(Db& db, const std::string& id, const std::string& hash);
  Async<UserPage> list(Db& db, const UserQuery& query);
};

using core::is_uuid;

}  // namespace declic::users
