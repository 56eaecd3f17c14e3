#include "modules/auth/auth_service.hpp"

#include "core/error/try.hpp"

#include "core/auth/password.hpp"
#include "core/auth/tokens.hpp"
#include "core/log/log.hpp"
#include "core/mail/mail.hpp"
#include "core/util/blocking.hpp"
#include "modules/auth/auth_mails.hpp"
#include "modules/auth/auth_repository.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/strand.hpp>
#include <boost/url/url.hpp>

#include <array>

namespace declic::auth {

namespace asio = boost::asio;
using core::Error;
using core::Result;

namespace {

// Brute-force limits (fixed windows, shared by every server through the database).
constexpr int kLoginWindow = 15 * 60;
constexpr int kLoginPerAccountAndIp = 5;  // attempts on one account from one address
constexpr int kLoginPerAccount = 50;      // attempts on one account from unknown addresses
constexpr int kKnownAddressWindow = 30 * 24 * 3600;  // an address that signed in, remembered
constexpr int kResetWindow = 60 * 60;
constexpr int kResetPerIp = 20;              // forgot + reset requests from one address
constexpr int kForgotPerAccount = 3;         // mails for one account per address (silent cap)
constexpr int kPasswordChangesPerUser = 10;  // per window: each costs an argon2id check

Error bad_credentials() {
  return Error::unauthorized("Wrong e-mail address or password.");
}

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

AuthService::AuthService(core::db::Pool& db, asio::any_io_executor io, asio::thread_pool& blocking,
                         core::auth::JwtCodec jwt, users::UsersService& users,
                         audit::AuditService& audit, settings::SettingsService& settings,
                         AuthOptions options)
    : db_(db),
      io_(std::move(io)),
      blocking_(blocking),
      jwt_(std::move(jwt)),
      users_(users),
      audit_(audit),
      settings_(settings),
      options_(std::move(options)),
      repository_(std::make_unique<AuthRepository>()),
      dummy_hash_(core::auth::hash_password(core::auth::random_token())) {}

AuthService::~AuthService() = default;

// ---- helpers ---------------------------------------------------------------------------

// The work is a named local on purpose: g++ 12 destroys capturing lambda temporaries
// inside a co_await expression twice.
asio::awaitable<std::string> AuthService::hash(std::string password) {
  auto work = [p = std::move(password)] { return core::auth::hash_password(p); };
  co_return co_await core::run_blocking(blocking_, std::move(work));
}

asio::awaitable<bool> AuthService::verify(std::string hash, std::string password) {
  auto work = [h = std::move(hash), p = std::move(password)] {
    return core::auth::verify_password(h, p);
  };
  co_return co_await core::run_blocking(blocking_, std::move(work));
}

std::string AuthService::access_token(const UserProfile& user,
                                      const std::string& session_id) const {
  const auto now = now_unix();
  return jwt_.sign({user.id, std::string(core::auth::to_string(user.role)), session_id, now,
                    now + options_.access_ttl.count()});
}

Async<void> AuthService::audit(core::db::Queryable& db, std::optional<std::string> actor,
                               std::string action, std::optional<std::string> target,
                               const ClientInfo& from, audit::Detail detail) {
  const audit::AuditEvent event(std::move(actor), std::move(action), std::move(target), from.ip,
                                std::move(detail));
  co_return co_await audit_.record(db, event);
}

Async<std::string> AuthService::studio_name(core::db::Queryable& db) {
  DECLIC_CO_TRY(auto profile, co_await settings_.studio_profile(db));
  co_return profile.name;
}

Async<Issued> AuthService::open_session(core::db::Queryable& tx, const UserProfile& user,
                                        const ClientInfo& from) {
  DECLIC_CO_TRY(auto session, co_await repository_->create_session(
                                  tx, user.id, options_.session_days, from.ip, from.user_agent));
  auto refresh = core::auth::random_token();
  DECLIC_CO_TRYV(
      co_await repository_->add_refresh_token(tx, session, core::auth::sha256_hex(refresh)));
  co_return Issued{user, access_token(user, session), std::move(refresh)};
}

// ---- sign-up and sign-in -----------------------------------------------------------------

Async<Issued> AuthService::register_client(const Registration& r, const ClientInfo& from) {
  auto password_hash = co_await hash(r.password);
  users::NewUser user{r.email,      r.first_name, r.last_name,
                      r.phone,      r.locale,     core::auth::Role::client,
                      password_hash};
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Issued> {
    DECLIC_CO_TRY(auto created, co_await users_.insert(tx, user));
    DECLIC_CO_TRYV(
        co_await audit(tx, created.profile.id, "auth.registered", created.profile.id, from));
    co_return co_await open_session(tx, created.profile, from);
  });
}

Async<Issued> AuthService::login(const std::string& email, const std::string& password,
                                 const ClientInfo& from) {
  const std::string ip_key = "login:ip:" + from.ip;
  const std::string pair_key = "login:account-ip:" + email + "|" + from.ip;
  const std::string account_key = "login:account:" + email;
  const std::string known_key = "login:known:" + email + "|" + from.ip;

  // Attempts are counted before the (slow) check, so concurrent guesses cannot slip past;
  // a success clears the account's counters.
  DECLIC_CO_TRY(auto by_ip, co_await repository_->hit(db_, ip_key, kLoginWindow));
  if (by_ip.hits > options_.login_limit_per_ip)
    co_return Error::rate_limited(by_ip.retry_after_seconds);
  DECLIC_CO_TRY(auto by_pair, co_await repository_->hit(db_, pair_key, kLoginWindow));
  if (by_pair.hits > kLoginPerAccountAndIp)
    co_return Error::rate_limited(by_pair.retry_after_seconds);
  // The account-wide limit stops guessing from many addresses; an address that signed in
  // to this account before is not held back by it, so nobody can lock its owner out.
  DECLIC_CO_TRY(auto known, co_await repository_->peek(db_, known_key, kKnownAddressWindow));
  if (known.hits == 0) {
    DECLIC_CO_TRY(auto by_account, co_await repository_->hit(db_, account_key, kLoginWindow));
    if (by_account.hits > kLoginPerAccount)
      co_return Error::rate_limited(by_account.retry_after_seconds);
  }

  DECLIC_CO_TRY(auto credentials, co_await repository_->credentials(db_, email));
  const bool usable = credentials && credentials->password_hash && !credentials->disabled;
  // Unknown e-mails cost one argon2id verification too: the answer time tells nothing.
  const bool ok = co_await verify(usable ? *credentials->password_hash : dummy_hash_, password);

  if (!ok || !usable) {
    std::optional<std::string> target;
    if (credentials) target = credentials->user_id;
    DECLIC_CO_TRYV(co_await audit(db_, std::nullopt, "auth.login_failed", target, from,
                                  audit::detail("email", email)));
    co_return bad_credentials();
  }

  const auto user_id = credentials->user_id;
  const std::array<std::string, 2> cleared{pair_key, account_key};
  for (const auto& key : cleared) DECLIC_CO_TRYV(co_await repository_->forget(db_, key));
  DECLIC_CO_TRYV(co_await repository_->hit(db_, known_key, kKnownAddressWindow));
  // Hashed with weaker parameters than today's: upgrade it now that we know the password.
  std::optional<std::string> rehashed;
  if (core::auth::needs_rehash(*credentials->password_hash)) rehashed = co_await hash(password);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Issued> {
    DECLIC_CO_TRY(auto user, co_await users_.find(tx, user_id));
    if (!user) co_return bad_credentials();
    if (rehashed) DECLIC_CO_TRYV(co_await users_.set_password(tx, user_id, *rehashed));
    DECLIC_CO_TRYV(co_await audit(tx, user_id, "auth.login", user_id, from));
    co_return co_await open_session(tx, user->profile, from);
  });
}

Async<Refreshed> AuthService::refresh(const std::string& refresh_token, const ClientInfo& from) {
  if (refresh_token.empty()) co_return Error::unauthorized("Sign in again.");
  const auto token_hash = core::auth::sha256_hex(refresh_token);
  // A replay (a rotated token coming back: stolen or copied) revokes the whole session in
  // the transaction that detects it, then commits: the caller gets a 401 either way.
  auto outcome = co_await db_.transact([&](core::db::Tx& tx) -> Async<std::optional<Refreshed>> {
    DECLIC_CO_TRY(auto rotated, co_await repository_->rotate(tx, token_hash));
    if (!rotated) co_return Error::unauthorized("Sign in again.");
    const auto& t = *rotated;
    if (t.replayed) {
      DECLIC_CO_TRYV(co_await repository_->revoke_session(tx, t.session_id, "refresh_reuse"));
      DECLIC_CO_TRYV(co_await audit(tx, t.user_id, "auth.refresh_reuse", t.user_id, from,
                                    audit::detail("session", t.session_id)));
      co_return std::optional<Refreshed>{};
    }
    if (!t.alive) co_return Error::unauthorized("Sign in again.");
    DECLIC_CO_TRY(auto user, co_await users_.find(tx, t.user_id));
    if (!user) co_return Error::unauthorized("Sign in again.");
    auto next = core::auth::random_token();
    DECLIC_CO_TRYV(
        co_await repository_->add_refresh_token(tx, t.session_id, core::auth::sha256_hex(next)));
    co_return Refreshed{access_token(user->profile, t.session_id), std::move(next)};
  });
  if (!outcome) co_return outcome.error();
  if (!*outcome) co_return Error::unauthorized("Sign in again.");
  co_return std::move(**outcome);
}

Async<void> AuthService::logout(const std::string& refresh_token) {
  if (refresh_token.empty()) co_return Result<void>{};
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto rotated,
                  co_await repository_->rotate(tx, core::auth::sha256_hex(refresh_token)));
    if (rotated) {
      DECLIC_CO_TRYV(co_await repository_->revoke_session(tx, rotated->session_id, "logout"));
    }
    co_return Result<void>{};
  });
}

// ---- passwords ---------------------------------------------------------------------------

Async<void> AuthService::forgot_password(const std::string& email, const ClientInfo& from) {
  DECLIC_CO_TRY(auto by_ip, co_await repository_->hit(db_, "reset:ip:" + from.ip, kResetWindow));
  if (by_ip.hits > kResetPerIp) co_return Error::rate_limited(by_ip.retry_after_seconds);
  // Answer now; look the address up afterwards, so known and unknown take the same time.
  asio::co_spawn(asio::make_strand(io_), send_reset_link_logged(email, from.ip), asio::detached);
  co_return Result<void>{};
}

// A named coroutine with by-value parameters, not a capturing lambda (g++ 12, see blocking.hpp).
asio::awaitable<void> AuthService::send_reset_link_logged(std::string email, std::string ip) {
  auto sent = co_await send_reset_link(email, ip);
  if (!sent)
    core::log::warn("reset link not sent", {{"error", std::string_view(sent.error().code)}});
}

Async<void> AuthService::send_reset_link(const std::string& email, const std::string& ip) {
  DECLIC_CO_TRY(auto per_account, co_await repository_->hit(
                                      db_, "forgot:account-ip:" + email + "|" + ip, kResetWindow));
  if (per_account.hits > kForgotPerAccount) co_return Result<void>{};
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto studio, co_await studio_name(tx));
    DECLIC_CO_TRY(auto user, co_await users_.find_by_email(tx, email));
    if (!user || user->disabled) co_return Result<void>{};
    const auto& profile = user->profile;
    const auto token = core::auth::random_token();
    DECLIC_CO_TRYV(co_await repository_->add_one_time_token(
        tx, profile.id, "reset", core::auth::sha256_hex(token), options_.reset_minutes));
    auto mail = reset_mail({profile.email, profile.first_name, profile.locale, studio,
                            options_.public_url + "/reset-password?token=" + token});
    DECLIC_CO_TRYV(co_await core::mail::enqueue(tx, mail));
    const ClientInfo nobody;  // named: braced temporaries in co_await break g++ 12
    co_return co_await audit(tx, std::nullopt, "auth.reset_requested", profile.id, nobody);
  });
}

Async<void> AuthService::reset_password(const std::string& token, const std::string& password,
                                        const ClientInfo& from) {
  DECLIC_CO_TRY(auto by_ip, co_await repository_->hit(db_, "reset:ip:" + from.ip, kResetWindow));
  if (by_ip.hits > kResetPerIp) co_return Error::rate_limited(by_ip.retry_after_seconds);
  auto password_hash = co_await hash(password);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto claimed,
                  co_await repository_->claim_one_time_token(tx, core::auth::sha256_hex(token)));
    if (!claimed) co_return Error::bad_request("This link is not valid.", "invalid_token");
    if (claimed->used) co_return Error::gone("token_used", "This link has already been used.");
    if (claimed->expired) co_return Error::gone("token_expired", "This link has expired.");
    const auto user_id = claimed->user_id;
    DECLIC_CO_TRYV(co_await users_.set_password(tx, user_id, password_hash));
    // Every link of this user is spent, every session ends.
    DECLIC_CO_TRYV(co_await repository_->mark_one_time_tokens_used(tx, user_id));
    if (auto r =
            co_await repository_->revoke_user_sessions(tx, user_id, "password_reset", std::nullopt);
        !r)
      co_return r.error();
    co_return co_await audit(
        tx, user_id,
        claimed->purpose == "invite" ? "auth.invitation_accepted" : "auth.password_reset", user_id,
        from);
  });
}

Async<void> AuthService::change_password(const Principal& me, const std::string& current,
                                         const std::string& next, const ClientInfo& from) {
  DECLIC_CO_TRY(auto attempts,
                co_await repository_->hit(db_, "password:user:" + me.id(), kLoginWindow));
  if (attempts.hits > kPasswordChangesPerUser)
    co_return Error::rate_limited(attempts.retry_after_seconds);
  DECLIC_CO_TRY(auto credentials, co_await repository_->credentials(db_, me.user.email));
  const bool has = credentials && credentials->password_hash;
  const bool ok = co_await verify(has ? *credentials->password_hash : dummy_hash_, current);
  if (!ok || !has)
    co_return Error::validation(
        {{"currentPassword", "wrong_password", "The current password is not right."}});
  auto password_hash = co_await hash(next);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRYV(co_await users_.set_password(tx, me.id(), password_hash));
    if (auto r = co_await repository_->revoke_user_sessions(tx, me.id(), "password_changed",
                                                            me.session_id);
        !r)
      co_return r.error();
    co_return co_await audit(tx, me.id(), "auth.password_changed", me.id(), from);
  });
}

Async<Principal> AuthService::authenticate(std::string_view bearer) {
  auto claims = jwt_.verify(bearer, now_unix());
  if (!claims) co_return claims.error();
  DECLIC_CO_TRY(auto user,
                co_await repository_->live_principal(db_, claims->subject, claims->session_id));
  if (!user) co_return Error::unauthorized("Your session has ended. Sign in again.");
  co_return Principal{std::move(*user), claims->session_id, claims->expires_at};
}

// ---- accounts made by others ----------------------------------------------------------------

// The address rides along so the page can sign the new client in once the password is set.
std::string AuthService::invitation_link(const std::string& email, const std::string& token) const {
  boost::urls::url link(options_.public_url + "/invitation");
  link.params().append({"token", token});
  link.params().append({"email", email});
  return std::string(link.buffer());
}

Async<void> AuthService::invite(core::db::Queryable& tx, const std::string& user_id) {
  DECLIC_CO_TRY(auto found, co_await users_.find(tx, user_id));
  if (!found || found->has_password) co_return Result<void>{};
  const auto& user = *found;
  DECLIC_CO_TRY(auto studio, co_await studio_name(tx));
  const auto token = core::auth::random_token();
  DECLIC_CO_TRYV(co_await repository_->add_one_time_token(
      tx, user.profile.id, "invite", core::auth::sha256_hex(token), options_.invite_minutes));
  auto mail = invitation_mail({user.profile.email, user.profile.first_name, user.profile.locale,
                               studio, invitation_link(user.profile.email, token)});
  co_return co_await core::mail::enqueue(tx, mail);
}

Async<void> AuthService::end_sessions(core::db::Queryable& db, const std::string& user_id,
                                      const std::string& reason,
                                      const std::optional<std::string>& keep_session) {
  co_return co_await repository_->revoke_user_sessions(db, user_id, reason, keep_session);
}

Async<users::User> AuthService::ensure_account(const users::NewUser& user,
                                               const std::string& password, bool must_be_new) {
  auto password_hash = co_await hash(password);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<users::User> {
    DECLIC_CO_TRY(auto existing, co_await users_.find_by_email(tx, user.email));
    if (existing && must_be_new)
      co_return Error::conflict("email_taken", "An account already uses this e-mail address.");
    if (existing) {
      DECLIC_CO_TRYV(co_await users_.set_password(tx, existing->profile.id, password_hash));
      co_return std::move(*existing);
    }
    auto with_password = user;
    with_password.password_hash = password_hash;
    co_return co_await users_.insert(tx, with_password);
  });
}

}  // namespace declic::auth
