#pragma once
#include "core/module.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {

struct Imports {
  audit::AuditService& audit;
};

// GET /api/studio (the public studio profile) and GET|PUT /api/settings (ADMIN).
SettingsService& install(core::ModuleContext& m, const Imports& imports);

}  // namespace declic::settings
