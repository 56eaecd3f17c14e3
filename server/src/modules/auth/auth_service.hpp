#pragma once
// Sign-up, sign-in, sessions and passwords. Access tokens are short JWTs naming a session;
// refresh tokens are opaque, stored hashed and rotated on every use; replaying a rotated
// one revokes its whole session. argon2id runs on the blocking pool, never on the loop.

#include "core/async.hpp"
#include "core/auth/jwt.hpp"
#include "core/auth/principal.hpp"
#include "core/auth/principal_cache.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <memory>

namespace declic::auth {

using core::Async;
using core::Result;
using core::auth::Principal;
using core::auth::UserProfile;

// Passwords: 10 to 128 characters, no composition rules (OWASP ASVS 5.0, level 2).
inline constexpr std::size_t kPasswordMin = 10, kPasswordMax = 128;
inline bool acceptable_password(std::string_view p) {
  return p.size() >= kPasswordMin && p.size() <= kPasswordMax;
}

struct AuthOptions {
  std::string public_url;  // links in e-mails
  std::chrono::seconds access_ttl{15 * 60};
  int session_days = 30;  // absolute refresh lifetime
  int reset_minutes = 60;
  int invite_minutes = 7 * 24 * 60;
  int login_limit_per_ip = 30;  // attempts per 15 min (a studio behind one NAT may raise it)
  int register_limit_per_address = 10;  // sign-ups per address group per hour
  int register_limit_global = 300;      // sign-ups per hour, all addresses together
  unsigned hash_threads = 1;            // threads of the blocking pool hashing passwords
  // A request that would wait longer than this for argon2id is refused with 503 at once.
  std::chrono::milliseconds max_hash_wait{2000};
};

struct ClientInfo {
  std::string ip;
  std::string user_agent;
};

struct Registration {
  std::string email, password, first_name, last_name, locale;
  std::optional<std::string> phone;
};

struct Issued {
  UserProfile user;
  std::string access_token;
  std::string refresh_token;
};

struct Refreshed {
  std::string access_token;
  std::string refresh_token;
};

class AuthRepository;

class AuthService final {
 public:
  AuthService(core::db::Pool& db, boost::asio::any_io_executor io,
              boost::asio::thread_pool& blocking, core::events::Bus& events,
              core::auth::JwtCodec jwt, users::UsersService& users, audit::AuditService& audit,
              settings::SettingsService& settings, AuthOptions options);

  Async<Issued> register_client(const Registration& r, const ClientInfo& from);
  Async<Issued> login(const std::string& email, const std::string& password,
                      const ClientInfo& from);
  Async<Refreshed> refresh(const std::string& refresh_token, const ClientInfo& from);
  Async<void> logout(const std::string& refresh_token);
  // Always succeeds the same way for known and unknown addresses; the work happens after.
  Async<void> forgot_password(const std::string& email, const ClientInfo& from);
  Async<void> reset_password(const std::string& token, const std::string& password,
                             const ClientInfo& from);
  Async<void> change_password(const Principal& me, const std::string& current,
                              const std::string& next, const ClientInfo& from);
  // Bearer token → the live user and session: from the principal cache, or one indexed query.
  Async<Principal> authenticate(std::string_view bearer_token);
  // What authenticate() remembers; the auth module keeps it in step with the events.
  core::auth::PrincipalCache& principals() { return principals_; }

  // For the command line: an account with a password, created — or, unless `must_be_new`,
  // found and given that password.
  Async<users::User> ensure_account(const users::NewUser& user, const std::string& password,
                                    bool must_be_new);

  // In the transaction that created the user (user.created): a one-time link to choose a
  // password, mailed — unless the account has a password already.
  Async<void> invite(core::db::Queryable& tx, const std::string& user_id);
  // Ends every session of the user (but `keep_session`), effective immediately
  // (session.ended).
  Async<void> end_sessions(core::db::Queryable& db, const std::string& user_id,
                           const std::string& reason,
                           const std::optional<std::string>& keep_session);

  // Housekeeping, one batch each: sessions ended 30 days ago (their refresh tokens with
  // them), links spent or expired a week ago.
  Async<std::int64_t> purge_sessions();
  Async<std::int64_t> purge_links();

  ~AuthService();

 private:
  Async<void> end_session(core::db::Queryable& tx, const std::string& user_id,
                          const std::string& session_id, const std::string& reason);
  std::string invitation_link(const std::string& email, const std::string& token) const;
  Async<Issued> open_session(core::db::Queryable& tx, const UserProfile& user,
                             const ClientInfo& from);
  std::string access_token(const UserProfile& user, const std::string& session_id) const;
  Async<std::string> hash(std::string password);
  Async<bool> verify(std::string hash, std::string password);
  Result<void> admit_hash() const;
  Async<void> send_reset_link(const std::string& email, const std::string& ip);
  boost::asio::awaitable<void> send_reset_link_logged(std::string email, std::string ip);
  Async<void> audit(core::db::Queryable& db, std::optional<std::string> actor, std::string action,
                    std::optional<std::string> target, const ClientInfo& from,
                    audit::Detail detail = {});
  Async<core::mail::Look> studio_look(core::db::Queryable& db);

  core::db::Pool& db_;
  boost::asio::any_io_executor io_;  // background work that uses the database
  boost::asio::thread_pool& blocking_;
  core::events::Bus& events_;
  core::auth::PrincipalCache principals_;
  core::auth::JwtCodec jwt_;
  users::UsersService& users_;
  audit::AuditService& audit_;
  settings::SettingsService& settings_;
  AuthOptions options_;
  std::unique_ptr<AuthRepository> repository_;
  std::string dummy_hash_;  // verified against for unknown e-mails: same timing
  // argon2id jobs queued or running, and the time one takes (a moving average), so a flood
  // of sign-ups is refused at the door instead of making every sign-in wait.
  std::atomic<int> hashing_{0};
  std::atomic<double> hash_seconds_{0.1};
};

}  // namespace declic::auth
