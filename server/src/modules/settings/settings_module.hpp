#pragma once
#include "app/app_context.hpp"

namespace declic::settings {
// Wires the settings routes: GET /api/studio (public studio profile).
void register_module(core::http::Router& router, app::AppContext& ctx);
}
