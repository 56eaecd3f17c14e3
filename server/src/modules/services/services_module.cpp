#include "modules/services/services_module.hpp"

#include "modules/services/services_controller.hpp"

namespace declic::services {

void register_module(core::http::Router& router, app::AppContext& ctx, ServicesService& service,
                     const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<ServicesController>(service));
  // Public catalogue; staff see archived services too.
  router.get("/api/services", [&c](auto& r) { return c.list(r); }).guard(guards.identify);
  router.get("/api/services/{id}", [&c](auto& r) { return c.get(r); }).guard(guards.identify);
  router.post("/api/services", [&c](auto& r) { return c.create(r); }).guard(guards.staff);
  router.patch("/api/services/{id}", [&c](auto& r) { return c.update(r); }).guard(guards.staff);
  router.del("/api/services/{id}", [&c](auto& r) { return c.archive(r); }).guard(guards.staff);
}

}  // namespace declic::services
