#include "modules/projects/projects_module.hpp"

#include "modules/projects/projects_controller.hpp"

namespace declic::projects {

void register_module(core::http::Router& router, app::AppContext& ctx, ProjectsService& service,
                     const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<ProjectsController>(service));
  // Signed in: clients see their own; the service answers 404 for anyone else's.
  router.get("/api/projects", [&c](auto& r) { return c.list(r); }).guard(guards.signed_in);
  router.get("/api/projects/{id}", [&c](auto& r) { return c.get(r); }).guard(guards.signed_in);
  router.patch("/api/projects/{id}", [&c](auto& r) { return c.update(r); }).guard(guards.staff);
}

}  // namespace declic::projects
