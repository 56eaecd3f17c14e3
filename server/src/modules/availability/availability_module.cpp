#include "modules/availability/availability_module.hpp"

#include "modules/availability/availability_controller.hpp"

namespace declic::availability {

AvailabilityService& install(core::ModuleContext& m, const Imports& imports) {
  auto& service = m.own(std::make_unique<AvailabilityService>(m.db, imports.users, imports.audit));
  auto& c = m.own(std::make_unique<AvailabilityController>(service));
  const auto& staff = m.guards.staff;
  m.router.get("/api/availability/weekly", c, &AvailabilityController::weekly).guard(staff);
  m.router.put("/api/availability/weekly", c, &AvailabilityController::replace_weekly).guard(staff);
  m.router.get("/api/availability/blocks", c, &AvailabilityController::blocks).guard(staff);
  m.router.post("/api/availability/blocks", c, &AvailabilityController::add_block).guard(staff);
  m.router.del("/api/availability/blocks/{id}", c, &AvailabilityController::remove_block)
      .guard(staff);
  return service;
}

}  // namespace declic::availability
