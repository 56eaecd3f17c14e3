#pragma once
#include "core/http/http.hpp"
#include "modules/services/services_service.hpp"

namespace declic::services {

// HTTP for /api/services: decode, call the service, encode.
class ServicesController {
 public:
  explicit ServicesController(ServicesService& service) : service_(service) {}

  using Response = boost::asio::awaitable<core::http::Response>;
  Response list(core::http::Request& req);
  Response get(core::http::Request& req);
  Response create(core::http::Request& req);
  Response update(core::http::Request& req);
  Response archive(core::http::Request& req);

 private:
  Response save(core::http::Request& req, bool is_new);
  ServicesService& service_;
};

}  // namespace declic::services
