#include "modules/auth/auth_module.hpp"

#include "modules/auth/auth_controller.hpp"

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

}  // namespace

AuthService& install(core::ModuleContext& m, const Imports& imports, const std::string& jwt_secret,
                     AuthOptions options) {
  const auto public_url = options.public_url;
  auto& service = m.own(std::make_unique<AuthService>(
      m.db, m.executor, m.blocking, core::auth::JwtCodec(jwt_secret), imports.users, imports.audit,
      imports.settings, std::move(options)));
  m.authenticate = [&service](std::string_view token) { return service.authenticate(token); };
  subscribe(m.events, service);
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
