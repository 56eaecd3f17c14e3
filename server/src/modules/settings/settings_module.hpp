#pragma once
#include "core/module.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/images/images_service.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {

struct Imports {
  audit::AuditService& audit;
  images::ImagesService& images;
};

// GET /api/studio (the public studio profile), GET|PUT /api/settings and PUT|DELETE
// /api/settings/logo (ADMIN).
SettingsService& install(core::ModuleContext& m, const Imports& imports);

}  // namespace declic::settings
