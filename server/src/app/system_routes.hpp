#pragma once
#include "app/app_context.hpp"

namespace declic::app {
// Health, readiness, metrics, the OpenAPI document and its browsable page, and the web app.
void register_system_routes(core::http::Router& router, AppContext& ctx);
}
