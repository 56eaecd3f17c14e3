#pragma once
#include "core/http/http.hpp"
#include "modules/settings/settings_service.hpp"

namespace declic::settings {

class SettingsController {
 public:
  explicit SettingsController(SettingsService& service) : service_(service) {}
  core::http::Reply studio(core::http::Request& req);       // GET /api/studio
  core::http::Reply read(core::http::Request& req);         // GET /api/settings
  core::http::Reply update(core::http::Request& req);       // PUT /api/settings
  core::http::Reply put_logo(core::http::Request& req);     // PUT /api/settings/logo
  core::http::Reply delete_logo(core::http::Request& req);  // DELETE /api/settings/logo

 private:
  SettingsService& service_;
};

}  // namespace declic::settings
