#pragma once
#include "app/config.hpp"
#include "core/module.hpp"

namespace declic::app {
// Health, readiness, metrics, the OpenAPI document and its browsable page, and the web app.
void install_system_routes(core::ModuleContext& m, const Config& config);
}  // namespace declic::app
