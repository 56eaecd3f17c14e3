#include "modules/bookings/bookings_module.hpp"

#include "modules/bookings/bookings_controller.hpp"

namespace declic::bookings {

void register_module(core::http::Router& router, app::AppContext& ctx, BookingsService& service,
                     const core::auth::Guards& guards) {
  auto& c = ctx.own(std::make_unique<BookingsController>(service));
  // Public: staff may also see slots of an archived service.
  router.get("/api/services/{id}/slots", [&c](auto& r) { return c.slots(r); })
      .guard(guards.identify);
  // Signed in: clients act on their own bookings; the service answers 404 for others'.
  router.post("/api/bookings", [&c](auto& r) { return c.create(r); }).guard(guards.signed_in);
  router.get("/api/bookings", [&c](auto& r) { return c.list(r); }).guard(guards.signed_in);
  router.get("/api/bookings/{id}", [&c](auto& r) { return c.get(r); }).guard(guards.signed_in);
  router.post("/api/bookings/{id}/confirm", [&c](auto& r) { return c.confirm(r); })
      .guard(guards.staff);
  router.post("/api/bookings/{id}/decline", [&c](auto& r) { return c.decline(r); })
      .guard(guards.staff);
  router.post("/api/bookings/{id}/cancel", [&c](auto& r) { return c.cancel(r); })
      .guard(guards.signed_in);
  router.post("/api/bookings/{id}/reschedule", [&c](auto& r) { return c.reschedule(r); })
      .guard(guards.signed_in);
}

}  // namespace declic::bookings
