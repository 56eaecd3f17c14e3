#pragma once
#include "core/http/http.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {

class SettingsController {
 public:
  explicit SettingsController(SettingsService& service) : service_(service) {}
  using Response = boost::asio::awaitable<core::http::Response>;
  Response studio(core::http::Request& req);  // GET /api/studio
  Response read(core::http::Request& req);    // GET /api/settings
  Response update(core::http::Request& req);  // PUT /api/settings

 private:
  SettingsService& service_;
};

}  // namespace declic::settings
