#include "modules/auth/auth_module.hpp"

#include "modules/auth/auth_controller.hpp"

namespace declic::auth {

namespace asio = boost::asio;
using core::Error;
using core::http::Request;

namespace {

using GuardResult = asio::awaitable<std::optional<Error>>;

core::auth::Guards make_guards(AuthService& auth) {
  auto signed_in = [&auth](Request& req) -> GuardResult {
    const auto header = req.header("authorization");
    if (header.size() < 8 || (!header.starts_with("Bearer ") && !header.starts_with("bearer ")))
      co_return Error::unauthorized();
    auto principal = co_await auth.authenticate(header.substr(7));
    if (!principal) co_return principal.error();
    req.principal = std::move(*principal);
    co_return std::nullopt;
  };
  auto with_role = [signed_in](bool admin_only) {
    return [signed_in, admin_only](Request& req) -> GuardResult {
      if (auto refused = co_await signed_in(req)) co_return refused;
      const bool allowed = admin_only ? req.principal->is_admin() : req.principal->is_staff();
      if (!allowed) co_return Error::forbidden();
      co_return std::nullopt;
    };
  };
  auto identify = [signed_in](Request& req) -> GuardResult {
    if (req.header("authorization").empty()) co_return std::nullopt;
    co_return co_await signed_in(req);
  };
  return {signed_in, identify, with_role(false), with_role(true)};
}

}  // namespace

AuthModule register_module(core::http::Router& router, app::AppContext& ctx,
                           users::UsersService& users, audit::AuditService& audit,
                           settings::SettingsService& settings) {
  AuthOptions options;
  options.public_url = ctx.config.public_url;
  options.login_limit_per_ip = ctx.config.login_limit_per_ip;
  auto& service = ctx.own(std::make_unique<AuthService>(
      ctx.db, ctx.executor, ctx.blocking, core::auth::JwtCodec(ctx.config.jwt_secret), users,
      audit, settings, options));
  users.set_account_hooks(service);
  auto& guards = ctx.own(std::make_unique<core::auth::Guards>(make_guards(service)));
  auto& c = ctx.own(
      std::make_unique<AuthController>(service, cookie_policy(ctx.config.public_url)));

  router.post("/api/auth/register", [&c](auto& r) { return c.register_client(r); });
  router.post("/api/auth/login", [&c](auto& r) { return c.login(r); });
  router.post("/api/auth/refresh", [&c](auto& r) { return c.refresh(r); });
  router.post("/api/auth/logout", [&c](auto& r) { return c.logout(r); });
  router.post("/api/auth/password/forgot", [&c](auto& r) { return c.forgot(r); });
  router.post("/api/auth/password/reset", [&c](auto& r) { return c.reset(r); });
  router.post("/api/me/password", [&c](auto& r) { return c.change_password(r); })
      .guard(guards.signed_in);
  return {service, guards};
}

}  // namespace declic::auth
