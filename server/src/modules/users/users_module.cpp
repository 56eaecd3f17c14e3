#include "modules/users/users_module.hpp"

#include "modules/users/users_controller.hpp"

namespace declic::users {

void register_module(core::http::Router& router, app::AppContext& ctx, UsersService& service,
                     const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<UsersController>(service));
  router.get("/api/me", [&c](auto& r) { return c.me(r); }).guard(guards.signed_in);
  router.patch("/api/me", [&c](auto& r) { return c.update_me(r); }).guard(guards.signed_in);
  router.get("/api/users", [&c](auto& r) { return c.list(r); }).guard(guards.staff);
  router.post("/api/users", [&c](auto& r) { return c.create(r); }).guard(guards.staff);
  // Signed in only: a client may read themself; the service answers 404 for anyone else.
  router.get("/api/users/{id}", [&c](auto& r) { return c.get(r); }).guard(guards.signed_in);
  router.patch("/api/users/{id}", [&c](auto& r) { return c.update(r); }).guard(guards.signed_in);
  router.del("/api/users/{id}", [&c](auto& r) { return c.remove(r); }).guard(guards.signed_in);
  router.get("/api/users/{id}/overview", [&c](auto& r) { return c.overview(r); })
      .guard(guards.signed_in);
}

}  // namespace declic::users
