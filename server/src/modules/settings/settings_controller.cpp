#include "modules/settings/settings_controller.hpp"

#include "core/http/json.hpp"
#include "modules/settings/settings_json.hpp"

#include <boost/json.hpp>

namespace declic::settings {

namespace http = core::http;
using http::problem;

http::Reply SettingsController::studio(http::Request&) {
  auto profile = co_await service_.studio_profile();
  if (!profile) co_return problem(profile.error());
  auto res = http::json_reply(200, studio_json(*profile));
  // Public and rarely changed: let browsers reuse it briefly.
  res.set("Cache-Control", "public, max-age=60");
  co_return res;
}

http::Reply SettingsController::read(http::Request& req) {
  auto settings = co_await service_.read(*req.principal);
  if (!settings) co_return problem(settings.error());
  co_return http::json_reply(200, settings_json(*settings));
}

http::Reply SettingsController::update(http::Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  http::JsonReader r(*body);
  SettingsPatch patch;
  patch.name = r.optional_string("studioName", 1, 200);
  patch.time_zone = r.optional_string("timeZone", 1, 64);
  patch.currency = r.optional_string("currency", 3, 3);
  patch.locale = r.optional_string("locale", 2, 2);
  if (patch.locale && *patch.locale != "fr" && *patch.locale != "en")
    r.invalid("locale", "invalid", "Choose fr or en.");
  if (auto step = r.optional_int("slotStepMinutes", 1, 1440)) patch.slot_step_minutes = int(*step);
  if (auto n = r.optional_int("bookingHorizonMonths", 1, 60)) patch.horizon_months = int(*n);
  if (auto n = r.optional_int("maxOpenRequestsPerClient", 1, 20)) patch.max_open_requests = int(*n);
  if (auto n = r.optional_int("requestExpiryHours", 1, 720)) patch.request_expiry_hours = int(*n);
  if (auto e = r.error()) co_return problem(*e);
  auto updated = co_await service_.update(*req.principal, patch, req.remote_ip);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, settings_json(*updated));
}

}  // namespace declic::settings
