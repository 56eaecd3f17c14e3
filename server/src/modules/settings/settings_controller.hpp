#pragma once
#include "core/http/http.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {

class SettingsController {
 public:
  explicit SettingsController(SettingsService& service) : service_(service) {}
  // GET /api/studio
  boost::asio::awaitable<core::http::Response> studio(core::http::Request& req);

 private:
  SettingsService& service_;
};

}  // namespace declic::settings
