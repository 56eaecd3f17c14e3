#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/projects/projects_service.hpp"

namespace declic::projects {
// Wires GET /api/projects, GET|PATCH /api/projects/{id}.
void register_module(core::http::Router& router, app::AppContext& ctx, ProjectsService& service,
                     const core::auth::Guards& guards);
}
