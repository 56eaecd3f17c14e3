#include "modules/projects/projects_module.hpp"

#include "modules/projects/projects_controller.hpp"

namespace declic::projects {

namespace {
void subscribe(core::events::Bus& events, ProjectsService& service) {
  using core::events::Event;
  events.on("booking.confirmed", [&service](core::db::Queryable& tx, const Event& e) {
    return service.create_for_booking(tx, e);
  });
  events.on("booking.cancelled", [&service](core::db::Queryable& tx, const Event& e) {
    return service.cancel_for_booking(tx, e);
  });
  events.expose("project.*", "project.updated");
}
}  // namespace

ProjectsService& install(core::ModuleContext& m) {
  auto& service = m.own(std::make_unique<ProjectsService>(m.db, m.events));
  subscribe(m.events, service);
  auto& c = m.own(std::make_unique<ProjectsController>(service, m.pages));
  // Signed in: clients see their own; the service answers 404 for anyone else's.
  m.router.get("/api/projects", c, &ProjectsController::list).guard(m.guards.signed_in);
  m.router.get("/api/projects/{id}", c, &ProjectsController::get).guard(m.guards.signed_in);
  m.router.patch("/api/projects/{id}", c, &ProjectsController::update).guard(m.guards.staff);
  return service;
}

}  // namespace declic::projects
