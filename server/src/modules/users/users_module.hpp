#pragma once
#include "app/app_context.hpp"
#include "core/auth/guards.hpp"
#include "modules/users/users_service.hpp"

namespace declic::users {
// Wires GET|PATCH /api/me and /api/users/*.
void register_module(core::http::Router& router, app::AppContext& ctx, UsersService& service,
                     const core::auth::Guards& guards);
}
