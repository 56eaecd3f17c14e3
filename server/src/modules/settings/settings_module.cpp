#include "modules/settings/settings_module.hpp"

#include "modules/settings/settings_controller.hpp"

namespace declic::settings {

SettingsService& register_module(core::http::Router& router, app::AppContext& ctx) {
  auto& service = ctx.own(std::make_unique<SettingsService>(ctx.db));
  auto& controller = ctx.own(std::make_unique<SettingsController>(service));
  router.get("/api/studio", [&controller](auto& req) { return controller.studio(req); });
  return service;
}

}  // namespace declic::settings
