#include "modules/settings/settings_module.hpp"

#include "modules/settings/settings_controller.hpp"

namespace declic::settings {

SettingsService& install(core::ModuleContext& m, const Imports& imports) {
  auto& service = m.own(std::make_unique<SettingsService>(m.db, imports.audit));
  auto& c = m.own(std::make_unique<SettingsController>(service));
  m.router.get("/api/studio", c, &SettingsController::studio);
  m.router.get("/api/settings", c, &SettingsController::read).guard(m.guards.admin);
  m.router.put("/api/settings", c, &SettingsController::update).guard(m.guards.admin);
  return service;
}

}  // namespace declic::settings
