#include "modules/settings/settings_module.hpp"

#include "modules/images/images_model.hpp"
#include "modules/settings/settings_controller.hpp"

namespace declic::settings {

SettingsService& install(core::ModuleContext& m, const Imports& imports) {
  auto& service = m.own(std::make_unique<SettingsService>(m.db, imports.audit, imports.images));
  auto& c = m.own(std::make_unique<SettingsController>(service));
  m.router.get("/api/studio", c, &SettingsController::studio);
  m.router.get("/api/settings", c, &SettingsController::read).guard(m.guards.admin);
  m.router.put("/api/settings", c, &SettingsController::update).guard(m.guards.admin);
  m.router.put("/api/settings/logo", c, &SettingsController::put_logo)
      .guard(m.guards.admin)
      .body_limit(images::kMaxPictureUpload);
  m.router.del("/api/settings/logo", c, &SettingsController::delete_logo).guard(m.guards.admin);
  return service;
}

}  // namespace declic::settings
