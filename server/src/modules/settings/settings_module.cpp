#include "modules/settings/settings_module.hpp"

#include "modules/settings/settings_controller.hpp"

namespace declic::settings {

void register_module(core::http::Router& router, app::AppContext& ctx, SettingsService& service,
                     const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<SettingsController>(service));
  router.get("/api/studio", [&c](auto& req) { return c.studio(req); });
  router.get("/api/settings", [&c](auto& req) { return c.read(req); }).guard(guards.admin);
  router.put("/api/settings", [&c](auto& req) { return c.update(req); }).guard(guards.admin);
}

}  // namespace declic::settings
