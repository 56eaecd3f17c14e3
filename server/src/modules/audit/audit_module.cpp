#include "modules/audit/audit_module.hpp"

#include "modules/audit/audit_controller.hpp"

namespace declic::audit {

void register_module(core::http::Router& router, app::AppContext& ctx, AuditService& service,
                     const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<AuditController>(service));
  router.get("/api/audit", [&c](auto& r) { return c.list(r); }).guard(guards.admin);
}

}  // namespace declic::audit
