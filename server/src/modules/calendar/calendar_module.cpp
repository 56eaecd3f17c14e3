#include "modules/calendar/calendar_module.hpp"

#include "modules/calendar/calendar_controller.hpp"

namespace declic::calendar {

CalendarService& install(core::ModuleContext& m, const CalendarService::Imports& imports,
                         std::string public_url) {
  auto& service = m.own(std::make_unique<CalendarService>(m.db, imports, std::move(public_url)));
  auto& c = m.own(std::make_unique<CalendarController>(service));
  const auto& g = m.guards;
  auto& router = m.router;
  // The client's own session or, for staff, any: the booking's own rule (404 otherwise).
  router.get("/api/bookings/{id}/ics", c, &CalendarController::booking_file).guard(g.signed_in);
  router.get("/api/calendar-feed", c, &CalendarController::feed).guard(g.staff);
  router.post("/api/calendar-feed", c, &CalendarController::renew_feed).guard(g.staff);
  router.del("/api/calendar-feed", c, &CalendarController::revoke_feed).guard(g.staff);
  // No sign-in: calendar apps hold only the address, whose token is the credential.
  router.get("/api/calendar-feeds/{token}", c, &CalendarController::feed_calendar);
  return service;
}

}  // namespace declic::calendar
