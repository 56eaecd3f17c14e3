#pragma once
#include "core/module.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/availability/availability_service.hpp"
#include "modules/users/users_service.hpp"

namespace declic::availability {

struct Imports {
  users::UsersService& users;
  audit::AuditService& audit;
};

// /api/availability/*: weekly hours and blocked periods (staff).
AvailabilityService& install(core::ModuleContext& m, const Imports& imports);

}  // namespace declic::availability
