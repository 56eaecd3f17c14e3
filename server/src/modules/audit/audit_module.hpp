#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/audit/audit_service.hpp"

namespace declic::audit {
// Wires GET /api/audit (ADMIN).
void register_module(core::http::Router& router, app::AppContext& ctx, AuditService& service,
                     const core::auth::Guards& guards);
}
