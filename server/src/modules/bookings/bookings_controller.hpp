#pragma once
#include "core/http/http.hpp"
#include "core/http/page_cache.hpp"
#include "modules/bookings/bookings_service.hpp"

namespace declic::bookings {

// HTTP for /api/bookings and GET /api/services/{id}/slots: decode, call the service, encode.
class BookingsController {
 public:
  BookingsController(BookingsService& service, core::http::PageCache& pages)
      : service_(service), pages_(pages) {}

  core::http::Reply slots(core::http::Request& req);
  core::http::Reply create(core::http::Request& req);
  core::http::Reply list(core::http::Request& req);
  core::http::Reply get(core::http::Request& req);
  core::http::Reply confirm(core::http::Request& req);
  core::http::Reply decline(core::http::Request& req);
  core::http::Reply cancel(core::http::Request& req);
  core::http::Reply reschedule(core::http::Request& req);

 private:
  core::http::Reply close(core::http::Request& req, BookingAction action);
  BookingsService& service_;
  core::http::PageCache& pages_;  // the lists read
};

}  // namespace declic::bookings
