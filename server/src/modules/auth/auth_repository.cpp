#include "modules/auth/auth_repository.hpp"

#include "core/error/try.hpp"

namespace declic::auth {

namespace db = core::db;
using core::Result;

namespace {

constexpr db::Statement kLivePrincipal{
    "auth_live_principal",
    "SELECT u.id, u.email, u.role, u.first_name, u.last_name, u.phone, u.locale,"
    "       rfc3339(u.created_at), extract(epoch FROM s.expires_at)::bigint, u.address"
    " FROM users u JOIN sessions s ON s.user_id = u.id"
    " WHERE u.id = $1::uuid AND s.id = $2::uuid AND u.disabled_at IS NULL"
    "   AND s.revoked_at IS NULL AND s.expires_at > now()"};
constexpr db::Statement kCredentials{
    "auth_credentials",
    "SELECT id, password_hash, disabled_at IS NOT NULL FROM users WHERE email = $1"};
constexpr db::Statement kCreateSession{
    "auth_create_session",
    "INSERT INTO sessions (user_id, expires_at, ip, user_agent)"
    " VALUES ($1::uuid, now() + make_interval(days => $2), $3, left($4, 300)) RETURNING id"};
constexpr db::Statement kAddRefresh{
    "auth_add_refresh",
    "INSERT INTO refresh_tokens (token_hash, session_id) VALUES ($1, $2::uuid)"};
// One statement: concurrent exchanges of one token cannot both see it unused.
constexpr db::Statement kRotate{
    "auth_rotate",
    "WITH old AS (SELECT token_hash, rotated_at FROM refresh_tokens WHERE token_hash = $1"
    "             FOR UPDATE),"
    " marked AS (UPDATE refresh_tokens t SET rotated_at = COALESCE(t.rotated_at, now())"
    "            FROM old WHERE t.token_hash = old.token_hash RETURNING t.session_id)"
    " SELECT s.id, s.user_id, old.rotated_at IS NOT NULL,"
    "        s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL"
    " FROM marked JOIN old ON true JOIN sessions s ON s.id = marked.session_id"
    " JOIN users u ON u.id = s.user_id"};
constexpr db::Statement kRevokeSession{"auth_revoke_session",
                                       "UPDATE sessions SET revoked_at = now(), revoke_reason = $2"
                                       " WHERE id = $1::uuid AND revoked_at IS NULL"};
constexpr db::Statement kRevokeUserSessions{
    "auth_revoke_user_sessions",
    "UPDATE sessions SET revoked_at = now(), revoke_reason = $2"
    " WHERE user_id = $1::uuid AND revoked_at IS NULL AND ($3::uuid IS NULL OR id <> $3::uuid)"};
constexpr db::Statement kAddOneTime{
    "auth_add_one_time",
    "INSERT INTO one_time_tokens (user_id, purpose, token_hash, expires_at)"
    " VALUES ($1::uuid, $2, $3, now() + make_interval(mins => $4))"};
constexpr db::Statement kClaimOneTime{
    "auth_claim_one_time",
    "SELECT user_id, purpose, used_at IS NOT NULL, expires_at <= now()"
    " FROM one_time_tokens WHERE token_hash = $1 FOR UPDATE"};
constexpr db::Statement kUseOneTime{
    "auth_use_one_time",
    "UPDATE one_time_tokens SET used_at = now() WHERE user_id = $1::uuid AND used_at IS NULL"};
constexpr db::Statement kPurgeSessions{
    "auth_purge_sessions",
    "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions"
    " WHERE COALESCE(LEAST(revoked_at, expires_at), expires_at) < now() - make_interval(days => $1)"
    " LIMIT 2000 FOR UPDATE SKIP LOCKED)"};
constexpr db::Statement kPurgeOneTime{
    "auth_purge_one_time",
    "DELETE FROM one_time_tokens WHERE token_hash IN (SELECT token_hash FROM one_time_tokens"
    " WHERE COALESCE(LEAST(used_at, expires_at), expires_at) < now() - make_interval(days => $1)"
    " LIMIT 5000 FOR UPDATE SKIP LOCKED)"};

}  // namespace

Async<std::optional<LivePrincipal>> AuthRepository::live_principal(Db& db,
                                                                   const std::string& user_id,
                                                                   const std::string& session_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kLivePrincipal, db::params(user_id, session_id)));
  if (rows.empty()) co_return std::optional<LivePrincipal>{};
  const auto r = rows[0];
  LivePrincipal live{{}, r.get<std::int64_t>(8)};
  auto& p = live.user;
  p.id = r.get<std::string>(0);
  p.email = r.get<std::string>(1);
  p.role = core::auth::role_from(r.text(2)).value_or(core::auth::Role::client);
  p.first_name = r.get<std::string>(3);
  p.last_name = r.get<std::string>(4);
  p.phone = r.get<std::optional<std::string>>(5);
  p.locale = r.get<std::string>(6);
  p.created_at = r.get<std::string>(7);
  p.address = r.get<std::optional<std::string>>(9);
  co_return live;
}

Async<std::optional<Credentials>> AuthRepository::credentials(Db& db, const std::string& email) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kCredentials, db::params(email)));
  if (rows.empty()) co_return std::optional<Credentials>{};
  const auto r = rows[0];
  co_return Credentials{r.get<std::string>(0), r.get<std::optional<std::string>>(1),
                        r.get<bool>(2)};
}

Async<std::string> AuthRepository::create_session(Db& db, const std::string& user_id,
                                                  int lifetime_days, const std::string& ip,
                                                  const std::string& user_agent) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kCreateSession,
                                             db::params(user_id, lifetime_days, ip, user_agent)));
  co_return rows[0].get<std::string>(0);
}

Async<void> AuthRepository::add_refresh_token(Db& db, const std::string& session_id,
                                              const std::string& token_hash) {
  co_return db::completed(co_await db.query(kAddRefresh, db::params(token_hash, session_id)));
}

Async<std::optional<RotatedToken>> AuthRepository::rotate(Db& db, const std::string& token_hash) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kRotate, db::params(token_hash)));
  if (rows.empty()) co_return std::optional<RotatedToken>{};
  const auto r = rows[0];
  co_return RotatedToken{r.get<std::string>(0), r.get<std::string>(1), r.get<bool>(2),
                         r.get<bool>(3)};
}

Async<void> AuthRepository::revoke_session(Db& db, const std::string& session_id,
                                           const std::string& reason) {
  co_return db::completed(co_await db.query(kRevokeSession, db::params(session_id, reason)));
}

Async<void> AuthRepository::revoke_user_sessions(Db& db, const std::string& user_id,
                                                 const std::string& reason,
                                                 const std::optional<std::string>& keep) {
  co_return db::completed(
      co_await db.query(kRevokeUserSessions, db::params(user_id, reason, keep)));
}

Async<void> AuthRepository::add_one_time_token(Db& db, const std::string& user_id,
                                               const std::string& purpose,
                                               const std::string& token_hash,
                                               int lifetime_minutes) {
  co_return db::completed(
      co_await db.query(kAddOneTime, db::params(user_id, purpose, token_hash, lifetime_minutes)));
}

Async<std::optional<OneTimeToken>> AuthRepository::claim_one_time_token(
    Db& db, const std::string& token_hash) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kClaimOneTime, db::params(token_hash)));
  if (rows.empty()) co_return std::optional<OneTimeToken>{};
  const auto r = rows[0];
  co_return OneTimeToken{r.get<std::string>(0), r.get<std::string>(1), r.get<bool>(2),
                         r.get<bool>(3)};
}

Async<void> AuthRepository::mark_one_time_tokens_used(Db& db, const std::string& user_id) {
  co_return db::completed(co_await db.query(kUseOneTime, db::params(user_id)));
}

Async<std::int64_t> AuthRepository::purge_sessions(Db& db, int days) {
  co_return db::affected(co_await db.query(kPurgeSessions, db::params(days)));
}

Async<std::int64_t> AuthRepository::purge_one_time_tokens(Db& db, int days) {
  co_return db::affected(co_await db.query(kPurgeOneTime, db::params(days)));
}

}  // namespace declic::auth
