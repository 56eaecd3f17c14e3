#include "modules/users/users_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

namespace declic::users {

namespace db = core::db;

namespace {

#define USER_COLUMNS                                                                    \
  "id, email, role, first_name, last_name, phone, locale, rfc3339(created_at), notes, " \
  "disabled_at IS NOT NULL, password_hash IS NOT NULL, "                                \
  "(extract(epoch FROM created_at) * 1000000)::bigint, address"

constexpr db::Statement kFind{"users_find",
                              "SELECT " USER_COLUMNS " FROM users WHERE id = $1::uuid"};
constexpr db::Statement kFindByEmail{"users_find_by_email",
                                     "SELECT " USER_COLUMNS " FROM users WHERE email = $1"};
constexpr db::Statement kInsert{
    "users_insert",
    "INSERT INTO users (email, first_name, last_name, phone, locale, role, password_hash) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING " USER_COLUMNS};
constexpr db::Statement kUpdate{
    "users_update",
    "UPDATE users SET"
    " first_name = COALESCE($2, first_name),"
    " last_name = COALESCE($3, last_name),"
    " locale = COALESCE($4, locale),"
    " phone = CASE WHEN $5::boolean THEN $6 ELSE phone END,"
    " notes = CASE WHEN $7::boolean THEN $8 ELSE notes END,"
    " address = CASE WHEN $11::boolean THEN $12 ELSE address END,"
    " role = COALESCE($9, role),"
    " disabled_at = CASE WHEN $10::boolean IS NULL THEN disabled_at"
    "                    WHEN $10::boolean THEN COALESCE(disabled_at, now()) ELSE NULL END,"
    " updated_at = now()"
    " WHERE id = $1::uuid RETURNING " USER_COLUMNS};
constexpr db::Statement kSetPassword{
    "users_set_password",
    "UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1::uuid"};
// Newest first; the cursor is the last row's (created_at µs, id).
constexpr db::Statement kList{
    "users_list",
    "SELECT " USER_COLUMNS
    " FROM users"
    " WHERE ($1::text IS NULL OR role = $1)"
    "   AND ($2::text IS NULL OR email ILIKE $2 OR first_name ILIKE $2 OR last_name ILIKE $2"
    "        OR phone ILIKE $2 OR (first_name || ' ' || last_name) ILIKE $2)"
    "   AND ($3::bigint IS NULL OR ((extract(epoch FROM created_at) * 1000000)::bigint, id)"
    "        < ($3::bigint, $4::uuid))"
    " ORDER BY created_at DESC, id DESC LIMIT $5"};

constexpr db::Statement kActiveStaff{"users_active_staff",
                                     "SELECT " USER_COLUMNS
                                     " FROM users WHERE role <> 'CLIENT' AND disabled_at IS NULL"
                                     " ORDER BY created_at"};

User decode(const db::Row& r) {
  User u;
  u.profile.id = r.get<std::string>(0);
  u.profile.email = r.get<std::string>(1);
  u.profile.role = core::auth::role_from(r.text(2)).value_or(Role::client);
  u.profile.first_name = r.get<std::string>(3);
  u.profile.last_name = r.get<std::string>(4);
  u.profile.phone = r.get<std::optional<std::string>>(5);
  u.profile.locale = r.get<std::string>(6);
  u.profile.created_at = r.get<std::string>(7);
  u.notes = r.get<std::optional<std::string>>(8);
  u.disabled = r.get<bool>(9);
  u.has_password = r.get<bool>(10);
  u.profile.address = r.get<std::optional<std::string>>(12);
  return u;
}

std::optional<User> first(const db::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  return decode(rows[0]);
}

core::Error no_user() {
  return core::Error::not_found("user");
}

}  // namespace

Async<User> UsersRepository::get(Db& db, const std::string& id) {
  DECLIC_CO_TRY(auto user, co_await find(db, id));
  if (!user) co_return no_user();
  co_return std::move(*user);
}

Async<std::optional<User>> UsersRepository::find(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return std::optional<User>{};
  DECLIC_CO_TRY(auto rows, co_await db.query(kFind, db::params(id)));
  co_return first(rows);
}

Async<std::optional<User>> UsersRepository::find_by_email(Db& db, const std::string& email) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kFindByEmail, db::params(email)));
  co_return first(rows);
}

Async<User> UsersRepository::insert(Db& db, const NewUser& u) {
  auto rows = co_await db.query(
      kInsert, db::params(u.email, u.first_name, u.last_name, u.phone, u.locale,
                          std::string(core::auth::to_string(u.role)), u.password_hash));
  if (!rows) {
    auto e = rows.error();
    if (e.constraint == "users_email_key")
      e = core::Error::conflict("email_taken", "An account already uses this e-mail address.");
    co_return e;
  }
  co_return decode((*rows)[0]);
}

Async<User> UsersRepository::update(Db& db, const std::string& id, const UserPatch& p) {
  if (!core::is_uuid(id)) co_return no_user();
  std::optional<std::string> role;
  if (p.role) role = std::string(core::auth::to_string(*p.role));
  DECLIC_CO_TRY(
      auto rows,
      co_await db.query(kUpdate,
                        db::params(id, p.first_name, p.last_name, p.locale, p.phone.has_value(),
                                   p.phone.value_or(std::nullopt), p.notes.has_value(),
                                   p.notes.value_or(std::nullopt), role, p.disabled,
                                   p.address.has_value(), p.address.value_or(std::nullopt))));
  if (rows.empty()) co_return no_user();
  co_return decode(rows[0]);
}

Async<bool> UsersRepository::set_password(Db& db, const std::string& id, const std::string& hash) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kSetPassword, db::params(id, hash)));
  co_return rows.affected() == 1;
}

Async<std::vector<User>> UsersRepository::active_staff(Db& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kActiveStaff));
  std::vector<User> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode(rows[i]));
  co_return out;
}

Async<UserPage> UsersRepository::list(Db& db, const UserQuery& q) {
  std::optional<std::string> role, search;
  if (q.role) role = std::string(core::auth::to_string(*q.role));
  if (q.search && !q.search->empty()) search = core::db::like_pattern(*q.search);
  std::optional<std::int64_t> after_key;
  std::optional<std::string> after_id;
  if (q.cursor) {
    after_key = q.cursor->key;
    after_id = q.cursor->id;
  }
  DECLIC_CO_TRY(auto rows, co_await db.query(
                               kList, db::params(role, search, after_key, after_id, q.limit + 1)));
  UserPage page;
  for (int i = 0; i < rows.size() && i < q.limit; ++i) page.items.push_back(decode(rows[i]));
  if (rows.size() > q.limit) {
    const auto last = rows[q.limit - 1];
    page.next_cursor = core::encode_cursor(last.get<std::int64_t>(11), last.get<std::string>(0));
  }
  co_return page;
}

}  // namespace declic::users
