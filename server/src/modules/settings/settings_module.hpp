#pragma once
#include "app/app_context.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {
// Wires the settings routes: GET /api/studio (public studio profile).
SettingsService& register_module(core::http::Router& router, app::AppContext& ctx);
}
