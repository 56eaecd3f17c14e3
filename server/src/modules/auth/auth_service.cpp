#include "modules/auth/auth_service.hpp"

#include "core/error/try.hpp"

#include "core/auth/password.hpp"
#include "core/auth/tokens.hpp"
#include "core/db/rate_limit.hpp"
#include "core/log/log.hpp"
#include "core/mail/mail.hpp"
#include "core/util/address.hpp"
#include "core/util/blocking.hpp"
#include "modules/auth/auth_events.hpp"
#include "modules/auth/auth_mails.hpp"
#include "modules/auth/auth_repository.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/strand.hpp>
#include <boost/url/url.hpp>

#include <array>
#include <cmath>

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
constexpr int kResetPerIp = 20;            // forgot + reset requests from one address
constexpr int kForgotPerAccount = 3;       // mails for one account per address (silent cap)
constexpr int kForgotPerAccountTotal = 5;  // mails for one account, whatever the address
constexpr int kRegisterWindow = 60 * 60;
constexpr int kEndedSessionDays = 30;  // kept a while for "where am I signed in" and support
constexpr int kSpentLinkDays = 7;
// Past kLoginPerAccount failures, an account slows down rather than locks: each address may
// try once per this window, so its owner can still sign in from anywhere.
constexpr int kSlowLaneWindow = 60;
constexpr int kPasswordChangesPerUser = 10;  // per window: each costs an argon2id check

using core::db::rate_hit;

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
                         core::events::Bus& events, core::auth::JwtCodec jwt,
                         users::UsersService& users, audit::AuditService& audit,
                         settings::SettingsService& settings, AuthOptions options)
    : db_(db),
      io_(std::move(io)),
      blocking_(blocking),
      events_(events),
      jwt_(std::move(jwt)),
      users_(users),
      audit_(audit),
      settings_(settings),
      options_(std::move(options)),
      repository_(std::make_unique<AuthRepository>()),
      dummy_hash_(core::auth::hash_password(core::auth::random_token())) {}

AuthService::~AuthService() = default;

// ---- helpers ---------------------------------------------------------------------------

// The jobs ahead, spread over the pool's threads, times what one takes: the wait this
// request would have. Past the allowed wait it is refused now, with when to come back.
Result<void> AuthService::admit_hash() const {
  const double threads = std::max(1u, options_.hash_threads);
  const double wait = (hashing_.load() / threads) * hash_seconds_.load();
  if (wait * 1000 <= options_.max_hash_wait.count()) return {};
  auto busy = Error::unavailable("The service is very busy. Try again in a few seconds.",
                                 std::max(1, static_cast<int>(std::ceil(wait))));
  busy.code = "busy";
  return busy;
}

namespace {

// Counts a job from the moment it queues until it is done.
class QueueTicket {
 public:
  explicit QueueTicket(std::atomic<int>& queued) : queued_(queued) { ++queued_; }
  ~QueueTicket() { --queued_; }
  QueueTicket(const QueueTicket&) = delete;
  QueueTicket& operator=(const QueueTicket&) = delete;

 private:
  std::atomic<int>& queued_;
};

// Runs `f` on the calling (pool) thread and folds its duration into `average`.
template <class F>
auto timed(std::atomic<double>& average, F f) {
  const auto started = std::chrono::steady_clock::now();
  auto result = f();
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  average.store(0.8 * average.load() + 0.2 * took.count());
  return result;
}

}  // namespace

// The work is a named local on purpose: g++ 12 destroys capturing lambda temporaries
// inside a co_await expression twice.
Async<std::string> AuthService::hash(std::string password) {
  DECLIC_CO_TRYV(admit_hash());
  QueueTicket ticket(hashing_);
  auto work = [p = std::move(password), &average = hash_seconds_] {
    return timed(average, [&] { return core::auth::hash_password(p); });
  };
  co_return co_await core::run_blocking(blocking_, std::move(work));
}

Async<bool> AuthService::verify(std::string hash, std::string password) {
  DECLIC_CO_TRYV(admit_hash());
  QueueTicket ticket(hashing_);
  auto work = [h = std::move(hash), p = std::move(password), &average = hash_seconds_] {
    return timed(average, [&] { return core::auth::verify_password(h, p); });
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

Async<core::mail::Look> AuthService::studio_look(core::db::Queryable& db) {
  DECLIC_CO_TRY(auto profile, co_await settings_.studio_profile(db));
  co_return settings::mail_look(profile, options_.public_url);
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
  // Every attempt counts, an address already taken too: that answer is worth guessing.
  const auto group = core::address_group(from.ip);
  DECLIC_CO_TRY(auto by_address, co_await rate_hit(db_, "register:ip:" + group, kRegisterWindow));
  if (by_address.hits > options_.register_limit_per_address)
    co_return Error::rate_limited(by_address.retry_after_seconds);
  DECLIC_CO_TRY(auto overall, co_await rate_hit(db_, "register:all", kRegisterWindow));
  if (overall.hits > options_.register_limit_global)
    co_return Error::rate_limited(overall.retry_after_seconds);
  DECLIC_CO_TRY(auto password_hash, co_await hash(r.password));
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
  const auto group = core::address_group(from.ip);  // an IPv6 /64 is one address
  const std::string ip_key = "login:ip:" + group;
  const std::string pair_key = "login:account-ip:" + email + "|" + group;
  const std::string account_key = "login:account:" + email;
  const std::string known_key = "login:known:" + email + "|" + group;

  // Attempts are counted before the (slow) check, so concurrent guesses cannot slip past;
  // a success gives its hit back and clears the account's counters.
  DECLIC_CO_TRY(auto by_ip, co_await rate_hit(db_, ip_key, kLoginWindow));
  if (by_ip.hits > options_.login_limit_per_ip)
    co_return Error::rate_limited(by_ip.retry_after_seconds);
  DECLIC_CO_TRY(auto by_pair, co_await rate_hit(db_, pair_key, kLoginWindow));
  if (by_pair.hits > kLoginPerAccountAndIp)
    co_return Error::rate_limited(by_pair.retry_after_seconds);
  // The account-wide limit stops guessing from many addresses. An address that signed in to
  // this account before is not held back by it, and past it every other address keeps one
  // attempt a minute: slowed, an attacker cannot lock the owner out.
  DECLIC_CO_TRY(auto known, co_await core::db::rate_peek(db_, known_key, kKnownAddressWindow));
  if (known.hits == 0) {
    DECLIC_CO_TRY(auto by_account, co_await rate_hit(db_, account_key, kLoginWindow));
    if (by_account.hits > kLoginPerAccount) {
      DECLIC_CO_TRY(auto slowed,
                    co_await rate_hit(db_, "login:slow:" + email + "|" + group, kSlowLaneWindow));
      if (slowed.hits > 1) co_return Error::rate_limited(slowed.retry_after_seconds);
    }
  }

  DECLIC_CO_TRY(auto credentials, co_await repository_->credentials(db_, email));
  const bool usable = credentials && credentials->password_hash && !credentials->disabled;
  // Unknown e-mails cost one argon2id verification too: the answer time tells nothing.
  DECLIC_CO_TRY(const bool ok,
                co_await verify(usable ? *credentials->password_hash : dummy_hash_, password));

  if (!ok || !usable) {
    std::optional<std::string> target;
    if (credentials) target = credentials->user_id;
    DECLIC_CO_TRYV(co_await audit(db_, std::nullopt, "auth.login_failed", target, from,
                                  audit::detail("email", email)));
    co_return bad_credentials();
  }

  const auto user_id = credentials->user_id;
  const std::array<std::string, 2> cleared{pair_key, account_key};
  for (const auto& key : cleared) DECLIC_CO_TRYV(co_await core::db::rate_forget(db_, key));
  DECLIC_CO_TRYV(co_await core::db::rate_unhit(db_, ip_key));  // a studio's sign-ins are free
  DECLIC_CO_TRYV(co_await rate_hit(db_, known_key, kKnownAddressWindow));
  // Hashed with weaker parameters than today's: upgrade it now that we know the password.
  std::optional<std::string> rehashed;
  if (core::auth::needs_rehash(*credentials->password_hash)) {
    auto upgraded = co_await hash(password);
    if (upgraded) rehashed = std::move(*upgraded);  // busy: upgraded at a later sign-in
  }
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
      DECLIC_CO_TRYV(co_await end_session(tx, t.user_id, t.session_id, "refresh_reuse"));
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
    if (!rotated) co_return Result<void>{};
    co_return co_await end_session(tx, rotated->user_id, rotated->session_id, "logout");
  });
}

// ---- passwords ---------------------------------------------------------------------------

Async<void> AuthService::forgot_password(const std::string& email, const ClientInfo& from) {
  DECLIC_CO_TRY(auto by_ip,
                co_await rate_hit(db_, "reset:ip:" + core::address_group(from.ip), kResetWindow));
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
  // Silent caps: the answer was given already, the same for every address.
  const auto pair_key = "forgot:account-ip:" + email + "|" + core::address_group(ip);
  DECLIC_CO_TRY(auto per_pair, co_await rate_hit(db_, pair_key, kResetWindow));
  if (per_pair.hits > kForgotPerAccount) co_return Result<void>{};
  DECLIC_CO_TRY(auto per_account, co_await rate_hit(db_, "forgot:account:" + email, kResetWindow));
  if (per_account.hits > kForgotPerAccountTotal) co_return Result<void>{};
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto studio, co_await studio_look(tx));
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
  DECLIC_CO_TRY(auto by_ip,
                co_await rate_hit(db_, "reset:ip:" + core::address_group(from.ip), kResetWindow));
  if (by_ip.hits > kResetPerIp) co_return Error::rate_limited(by_ip.retry_after_seconds);
  DECLIC_CO_TRY(auto password_hash, co_await hash(password));
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto claimed,
                  co_await repository_->claim_one_time_token(tx, core::auth::sha256_hex(token)));
    if (!claimed) co_return Error::bad_request("This link is not valid.", "invalid_token");
    if (claimed->used) co_return Error::gone("token_used", "This link has already been used.");
    if (claimed->expired) co_return Error::gone("token_expired", "This link has expired.");
    const auto user_id = claimed->user_id;
    DECLIC_CO_TRY(auto owner, co_await users_.find(tx, user_id));
    if (!owner || owner->disabled)  // a disabled account stays closed, whatever link it holds
      co_return Error::bad_request("This link is not valid.", "invalid_token");
    DECLIC_CO_TRYV(co_await users_.set_password(tx, user_id, password_hash));
    // Every link of this user is spent, every session ends.
    DECLIC_CO_TRYV(co_await repository_->mark_one_time_tokens_used(tx, user_id));
    const std::optional<std::string> keep_none;
    DECLIC_CO_TRYV(co_await end_sessions(tx, user_id, "password_reset", keep_none));
    co_return co_await audit(
        tx, user_id,
        claimed->purpose == "invite" ? "auth.invitation_accepted" : "auth.password_reset", user_id,
        from);
  });
}

Async<void> AuthService::change_password(const Principal& me, const std::string& current,
                                         const std::string& next, const ClientInfo& from) {
  DECLIC_CO_TRY(auto attempts, co_await rate_hit(db_, "password:user:" + me.id(), kLoginWindow));
  if (attempts.hits > kPasswordChangesPerUser)
    co_return Error::rate_limited(attempts.retry_after_seconds);
  DECLIC_CO_TRY(auto credentials, co_await repository_->credentials(db_, me.user.email));
  const bool has = credentials && credentials->password_hash;
  DECLIC_CO_TRY(const bool ok,
                co_await verify(has ? *credentials->password_hash : dummy_hash_, current));
  if (!ok || !has)
    co_return Error::validation(
        {{"currentPassword", "wrong_password", "The current password is not right."}});
  DECLIC_CO_TRY(auto password_hash, co_await hash(next));
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRYV(co_await users_.set_password(tx, me.id(), password_hash));
    // Reset and invitation links mailed before the change would undo it: spent now.
    DECLIC_CO_TRYV(co_await repository_->mark_one_time_tokens_used(tx, me.id()));
    const std::optional<std::string> keep = me.session_id;
    DECLIC_CO_TRYV(co_await end_sessions(tx, me.id(), "password_changed", keep));
    co_return co_await audit(tx, me.id(), "auth.password_changed", me.id(), from);
  });
}

Async<Principal> AuthService::authenticate(std::string_view bearer) {
  auto claims = jwt_.verify(bearer, now_unix());
  if (!claims) co_return claims.error();
  if (auto known = principals_.find(claims->session_id, claims->subject))
    co_return Principal{std::move(*known), claims->session_id, claims->expires_at};
  const auto ticket = principals_.ticket();  // before the read: a change meanwhile voids it
  DECLIC_CO_TRY(auto live,
                co_await repository_->live_principal(db_, claims->subject, claims->session_id));
  if (!live) co_return Error::unauthorized("Your session has ended. Sign in again.");
  principals_.store(ticket, claims->session_id, live->user, live->session_expires_at);
  co_return Principal{std::move(live->user), claims->session_id, claims->expires_at};
}

// ---- housekeeping --------------------------------------------------------------------------

Async<std::int64_t> AuthService::purge_sessions() {
  co_return co_await repository_->purge_sessions(db_, kEndedSessionDays);
}

Async<std::int64_t> AuthService::purge_links() {
  co_return co_await repository_->purge_one_time_tokens(db_, kSpentLinkDays);
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
  DECLIC_CO_TRY(auto studio, co_await studio_look(tx));
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
  DECLIC_CO_TRYV(co_await repository_->revoke_user_sessions(db, user_id, reason, keep_session));
  const auto event = sessions_ended_event(user_id, reason);
  co_return co_await events_.publish(db, event);
}

Async<void> AuthService::end_session(core::db::Queryable& tx, const std::string& user_id,
                                     const std::string& session_id, const std::string& reason) {
  DECLIC_CO_TRYV(co_await repository_->revoke_session(tx, session_id, reason));
  const auto event = sessions_ended_event(user_id, reason);
  co_return co_await events_.publish(tx, event);
}

Async<users::User> AuthService::ensure_account(const users::NewUser& user,
                                               const std::string& password, bool must_be_new) {
  DECLIC_CO_TRY(auto password_hash, co_await hash(password));
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
