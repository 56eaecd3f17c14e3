#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/bookings/bookings_service.hpp"

namespace declic::bookings {
// Wires /api/bookings/* and GET /api/services/{id}/slots.
void register_module(core::http::Router& router, app::AppContext& ctx, BookingsService& service,
                     const core::auth::Guards& guards);
}
