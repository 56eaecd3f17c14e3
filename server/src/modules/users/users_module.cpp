#include "modules/users/users_module.hpp"

#include "modules/users/users_controller.hpp"

namespace declic::users {

UsersService& install(core::ModuleContext& m) {
  auto& service = m.own(std::make_unique<UsersService>(m.db, m.events));
  auto& c = m.own(std::make_unique<UsersController>(service));
  const auto& g = m.guards;
  m.router.get("/api/me", c, &UsersController::me).guard(g.signed_in);
  m.router.patch("/api/me", c, &UsersController::update_me).guard(g.signed_in);
  m.router.get("/api/users", c, &UsersController::list).guard(g.staff);
  m.router.post("/api/users", c, &UsersController::create).guard(g.staff);
  // Signed in only: a client may read themself; the service answers 404 for anyone else.
  m.router.get("/api/users/{id}", c, &UsersController::get).guard(g.signed_in);
  m.router.patch("/api/users/{id}", c, &UsersController::update).guard(g.signed_in);
  m.router.del("/api/users/{id}", c, &UsersController::remove).guard(g.signed_in);
  return service;
}

}  // namespace declic::users
