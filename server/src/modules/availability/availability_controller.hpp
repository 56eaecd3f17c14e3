#pragma once
#include "core/http/http.hpp"
#include "modules/availability/availability_service.hpp"

namespace declic::availability {

// HTTP for /api/availability/*. `professionalId` (query, or body for a new block) defaults
// to the caller.
class AvailabilityController {
 public:
  explicit AvailabilityController(AvailabilityService& service) : service_(service) {}

  core::http::Reply weekly(core::http::Request& req);
  core::http::Reply replace_weekly(core::http::Request& req);
  core::http::Reply blocks(core::http::Request& req);
  core::http::Reply add_block(core::http::Request& req);
  core::http::Reply remove_block(core::http::Request& req);

 private:
  AvailabilityService& service_;
};

}  // namespace declic::availability
