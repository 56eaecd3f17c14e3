#pragma once
#include "core/module.hpp"
#include "modules/projects/projects_service.hpp"

namespace declic::projects {
// GET /api/projects, GET|PATCH /api/projects/{id}; a project for each confirmed booking,
// cancelled with it (in-transaction subscriptions to booking.confirmed and booking.cancelled).
ProjectsService& install(core::ModuleContext& m);
}  // namespace declic::projects
