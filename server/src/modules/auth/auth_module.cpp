#include "modules/auth/auth_module.hpp"

#include "modules/auth/auth_controller.hpp"

#include <algorithm>
#include <array>

namespace declic::auth {

namespace {

void subscribe(core::events::Bus& events, AuthService& service) {
  using core::events::Event;
  events.on("user.created",
            [&service](core::db::Queryable& tx, const Event& e) -> core::Async<void> {
              co_return co_await service.invite(tx, e.subject_id);
            });
  events.on("user.disabled",
            [&service](core::db::Queryable& tx, const Event& e) -> core::Async<void> {
              const std::string reason = "disabled";
              const std::optional<std::string> keep_none;
              co_return co_await service.end_sessions(tx, e.subject_id, reason, keep_none);
            });
}

// Every change to who may act (a user's account, role or sessions) publishes user.* or
// session.*: the server that made it forgets the user once it commits, before answering;
// the others when the event reaches their live feed.
constexpr std::array<std::string_view, 2> kPrincipalChanges{"user.*", "session.*"};

// A named coroutine, not a capturing lambda (g++ 12: docs/decisions.md).
core::Async<void> forget_at_commit(core::db::Queryable& tx, core::auth::PrincipalCache& principals,
                                   std::string user_id) {
  tx.after_commit([&principals, user_id = std::move(user_id)] { principals.forget_user(user_id); });
  co_return core::Result<void>{};
}

void keep_principals_current(core::events::Bus& events, core::auth::PrincipalCache& principals) {
  for (const auto type : kPrincipalChanges)
    events.on(std::string(type),
              [&principals](core::db::Queryable& tx, const core::events::Event& e) {
                return forget_at_commit(tx, principals, e.subject_id);
              });
  events.on_live([&principals](const std::shared_ptr<const core::events::StoredEvent>& e) {
    const auto changes = [&e](std::string_view type) {
      return core::events::matches(type, e->type);
    };
    if (std::ranges::any_of(kPrincipalChanges, changes)) principals.forget_user(e->subject_id);
  });
  events.on_feed([&principals](bool live) { principals.set_live(live); });
}

void render_metrics(std::string& out, const core::auth::PrincipalCache& principals) {
  using core::http::append_series;
  const auto s = principals.stats();
  append_series(out, "declic_principal_cache_hits_total",
                "Authenticated requests served without asking the database.", "counter", s.hits);
  append_series(out, "declic_principal_cache_misses_total",
                "Authenticated requests that read the user and session.", "counter", s.misses);
  append_series(out, "declic_principal_cache_entries", "Sessions remembered.", "gauge", s.entries);
  append_series(out, "declic_principal_cache_live",
                "1 while the live feed keeps the cache current (else it is bypassed).", "gauge",
                s.live ? 1 : 0);
}

}  // namespace

AuthService& install(core::ModuleContext& m, const Imports& imports, const std::string& jwt_secret,
                     AuthOptions options) {
  const auto public_url = options.public_url;
  auto& service = m.own(std::make_unique<AuthService>(
      m.db, m.executor, m.blocking, m.events, core::auth::JwtCodec(jwt_secret), imports.users,
      imports.audit, imports.settings, std::move(options)));
  m.authenticate = [&service](std::string_view token) { return service.authenticate(token); };
  subscribe(m.events, service);
  keep_principals_current(m.events, service.principals());
  m.metrics.push_back([&service](std::string& out) { render_metrics(out, service.principals()); });
  m.housekeeping.add("sessions", [&service] { return service.purge_sessions(); });
  m.housekeeping.add("one_time_tokens", [&service] { return service.purge_links(); });

  auto& c = m.own(std::make_unique<AuthController>(service, cookie_policy(public_url)));
  auto& router = m.router;
  router.post("/api/auth/register", c, &AuthController::register_client);
  router.post("/api/auth/login", c, &AuthController::login);
  router.post("/api/auth/refresh", c, &AuthController::refresh);
  router.post("/api/auth/logout", c, &AuthController::logout);
  router.post("/api/auth/password/forgot", c, &AuthController::forgot);
  router.post("/api/auth/password/reset", c, &AuthController::reset);
  router.post("/api/me/password", c, &AuthController::change_password).guard(m.guards.signed_in);
  return service;
}

}  // namespace declic::auth
