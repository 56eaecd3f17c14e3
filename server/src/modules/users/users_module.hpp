#pragma once
#include "core/module.hpp"
#include "modules/users/users_service.hpp"

namespace declic::users {
// GET|PATCH /api/me and /api/users/*.
UsersService& install(core::ModuleContext& m);
}  // namespace declic::users
