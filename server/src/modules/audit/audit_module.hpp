#pragma once
#include "core/module.hpp"
#include "modules/audit/audit_service.hpp"

namespace declic::audit {
// GET /api/audit (ADMIN), and the in-transaction subscription that records other modules'
// domain events.
AuditService& install(core::ModuleContext& m);
}  // namespace declic::audit
