#pragma once
#include "core/http/http.hpp"
#include "modules/bookings/bookings_service.hpp"

namespace declic::bookings {

// HTTP for /api/bookings and GET /api/services/{id}/slots: decode, call the service, encode.
class BookingsController {
 public:
  explicit BookingsController(BookingsService& service) : service_(service) {}

  using Response = boost::asio::awaitable<core::http::Response>;
  Response slots(core::http::Request& req);
  Response create(core::http::Request& req);
  Response list(core::http::Request& req);
  Response get(core::http::Request& req);
  Response confirm(core::http::Request& req);
  Response decline(core::http::Request& req);
  Response cancel(core::http::Request& req);
  Response reschedule(core::http::Request& req);

 private:
  Response end_booking(core::http::Request& req, BookingAction action);
  BookingsService& service_;
};

// The client's bookings (latest start first, at most 100) in GET /api/users/{id}/overview.
class BookingsOverview final : public users::OverviewPart {
 public:
  explicit BookingsOverview(BookingsService& service) : service_(service) {}
  std::string_view field() const override { return "bookings"; }
  Async<std::string> overview(const Principal& me, const std::string& user_id) override;

 private:
  BookingsService& service_;
};

}  // namespace declic::bookings
