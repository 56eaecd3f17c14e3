#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/availability/availability_service.hpp"

namespace declic::availability {
// Wires /api/availability/weekly and /api/availability/blocks (staff).
void register_module(core::http::Router& router, app::AppContext& ctx,
                     AvailabilityService& service, const core::auth::Guards& guards);
}
