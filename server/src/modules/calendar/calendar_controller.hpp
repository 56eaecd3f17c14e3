#pragma once
#include "core/http/http.hpp"
#include "modules/calendar/calendar_service.hpp"

namespace declic::calendar {

// HTTP for /api/bookings/{id}/ics, /api/calendar-feed and /api/calendar-feeds/{token}.
class CalendarController {
 public:
  explicit CalendarController(CalendarService& service) : service_(service) {}

  core::http::Reply booking_file(core::http::Request& req);
  core::http::Reply feed(core::http::Request& req);
  core::http::Reply renew_feed(core::http::Request& req);
  core::http::Reply revoke_feed(core::http::Request& req);
  core::http::Reply feed_calendar(core::http::Request& req);

 private:
  CalendarService& service_;
};

}  // namespace declic::calendar
