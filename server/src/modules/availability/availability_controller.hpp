#pragma once
#include "core/http/http.hpp"
#include "modules/availability/availability_service.hpp"

namespace declic::availability {

// HTTP for /api/availability/*. `professionalId` (query, or body for a new block) defaults
// to the caller.
class AvailabilityController {
 public:
  explicit AvailabilityController(AvailabilityService& service) : service_(service) {}

  using Response = boost::asio::awaitable<core::http::Response>;
  Response weekly(core::http::Request& req);
  Response replace_weekly(core::http::Request& req);
  Response blocks(core::http::Request& req);
  Response add_block(core::http::Request& req);
  Response remove_block(core::http::Request& req);

 private:
  AvailabilityService& service_;
};

}  // namespace declic::availability
