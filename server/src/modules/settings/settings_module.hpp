#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {
// Wires GET /api/studio (public studio profile) and GET|PUT /api/settings (ADMIN).
void register_module(core::http::Router& router, app::AppContext& ctx, SettingsService& service,
                     const core::auth::Guards& guards);
}
