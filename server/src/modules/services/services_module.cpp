#include "modules/services/services_module.hpp"

#include "modules/images/images_model.hpp"
#include "modules/services/services_controller.hpp"

namespace declic::services {

ServicesService& install(core::ModuleContext& m, const Imports& imports) {
  auto& service = m.own(std::make_unique<ServicesService>(m.db, m.events, imports.users,
                                                          imports.settings, imports.images));
  // A professional disabled or enabled again takes their services out of the catalogue or
  // back: its cached copy must change in the same transaction.
  for (const auto* type : {"user.disabled", "user.enabled"})
    m.events.on(type, [&service](core::db::Queryable& tx, const core::events::Event&) {
      return service.catalogue_changed(tx);
    });
  auto& c = m.own(std::make_unique<ServicesController>(service, m.pages));
  const auto& g = m.guards;
  m.router.get("/api/services", c, &ServicesController::list).guard(g.optional_sign_in);
  m.router.get("/api/services/{id}", c, &ServicesController::get).guard(g.optional_sign_in);
  m.router.post("/api/services", c, &ServicesController::create).guard(g.staff);
  m.router.patch("/api/services/{id}", c, &ServicesController::update).guard(g.staff);
  m.router.del("/api/services/{id}", c, &ServicesController::archive).guard(g.staff);
  m.router.put("/api/services/{id}/cover", c, &ServicesController::put_cover)
      .guard(g.staff)
      .body_limit(images::kMaxPictureUpload);
  m.router.del("/api/services/{id}/cover", c, &ServicesController::delete_cover).guard(g.staff);
  return service;
}

}  // namespace declic::services
