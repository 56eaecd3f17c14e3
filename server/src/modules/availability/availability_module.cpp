#include "modules/availability/availability_module.hpp"

#include "modules/availability/availability_controller.hpp"

namespace declic::availability {

void register_module(core::http::Router& router, app::AppContext& ctx,
                     AvailabilityService& service, const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<AvailabilityController>(service));
  router.get("/api/availability/weekly", [&c](auto& r) { return c.weekly(r); })
      .guard(guards.staff);
  router.put("/api/availability/weekly", [&c](auto& r) { return c.replace_weekly(r); })
      .guard(guards.staff);
  router.get("/api/availability/blocks", [&c](auto& r) { return c.blocks(r); })
      .guard(guards.staff);
  router.post("/api/availability/blocks", [&c](auto& r) { return c.add_block(r); })
      .guard(guards.staff);
  router.del("/api/availability/blocks/{id}", [&c](auto& r) { return c.remove_block(r); })
      .guard(guards.staff);
}

}  // namespace declic::availability
