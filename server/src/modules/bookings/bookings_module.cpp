#include "modules/bookings/bookings_module.hpp"

#include "modules/bookings/bookings_controller.hpp"

namespace declic::bookings {

namespace {

void subscribe(core::ModuleContext& m, BookingsService& service) {
  using core::events::Event;
  m.events.on("project.status_changed", [&service](core::db::Queryable& tx, const Event& e) {
    return service.cancel_for_project(tx, e);
  });
  // Live: every booking change reaches the web app as one public type.
  m.events.expose("booking.*", "booking.updated");
}

}  // namespace

BookingsService& install(core::ModuleContext& m, const BookingsService::Imports& imports,
                         BookingLimits limits) {
  auto& service = m.own(std::make_unique<BookingsService>(m.db, m.events, imports, limits));
  subscribe(m, service);
  m.housekeeping.add("expired_requests", [&service] { return service.expire_requests(); });

  auto& c = m.own(std::make_unique<BookingsController>(service, m.pages));
  const auto& g = m.guards;
  auto& router = m.router;
  // Public: staff may also see slots of an archived service.
  router.get("/api/services/{id}/slots", c, &BookingsController::slots).guard(g.optional_sign_in);
  // Signed in: clients act on their own bookings; the service answers 404 for others'.
  router.post("/api/bookings", c, &BookingsController::create).guard(g.signed_in);
  router.get("/api/bookings", c, &BookingsController::list).guard(g.signed_in);
  router.get("/api/bookings/{id}", c, &BookingsController::get).guard(g.signed_in);
  router.post("/api/bookings/{id}/confirm", c, &BookingsController::confirm).guard(g.staff);
  router.post("/api/bookings/{id}/decline", c, &BookingsController::decline).guard(g.staff);
  router.post("/api/bookings/{id}/cancel", c, &BookingsController::cancel).guard(g.signed_in);
  router.post("/api/bookings/{id}/reschedule", c, &BookingsController::reschedule)
      .guard(g.signed_in);
  return service;
}

}  // namespace declic::bookings
