#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/services/services_service.hpp"

namespace declic::services {
// Wires /api/services and /api/services/{id} (the slots route belongs to bookings).
void register_module(core::http::Router& router, app::AppContext& ctx, ServicesService& service,
                     const core::auth::Guards& guards);
}
