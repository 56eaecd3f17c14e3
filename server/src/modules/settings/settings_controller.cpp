#include "modules/settings/settings_controller.hpp"

#include "core/http/image_body.hpp"
#include "core/http/json.hpp"
#include "core/util/email.hpp"
#include "modules/settings/settings_json.hpp"

#include <boost/json.hpp>

#include <cctype>

namespace declic::settings {

namespace http = core::http;
using http::problem;

namespace {

bool is_hex_colour(const std::string& c) {
  return c.size() == 7 && c[0] == '#' &&
         c.find_first_not_of("0123456789abcdef", 1) == std::string::npos;
}

// The public page's fields: each may be cleared with null or "".
void read_page(http::JsonReader& r, SettingsPatch& patch) {
  patch.presentation = r.nullable_string("presentation", 2000);
  patch.contact_phone = r.nullable_string("contactPhone", 40);
  patch.address = r.nullable_string("address", 300);
  patch.contact_email = r.nullable_string("contactEmail", 254);
  if (patch.contact_email && *patch.contact_email) {
    auto email = core::normalize_email(**patch.contact_email);
    if (email)
      patch.contact_email = std::optional<std::string>(*email);
    else
      r.invalid("contactEmail", "invalid_email", "An e-mail address, e.g. bonjour@studio.fr.");
  }
  patch.accent_color = r.nullable_string("accentColor", 7);
  if (patch.accent_color && *patch.accent_color) {
    auto colour = **patch.accent_color;
    for (auto& c : colour) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_hex_colour(colour))
      patch.accent_color = std::optional<std::string>(colour);
    else
      r.invalid("accentColor", "invalid", "A colour as #rrggbb, e.g. #0f766e.");
  }
}

}  // namespace

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
  patch.legal_name = r.nullable_string("legalName", 200);
  patch.legal_address = r.nullable_string("legalAddress", 300);
  patch.siret = r.nullable_string("siret", 14);
  if (patch.siret && *patch.siret &&
      ((*patch.siret)->size() != 14 ||
       (*patch.siret)->find_first_not_of("0123456789") != std::string::npos))
    r.invalid("siret", "invalid", "A SIRET number has 14 digits.");
  patch.vat_number = r.nullable_string("vatNumber", 20);
  if (patch.vat_number && *patch.vat_number && (*patch.vat_number)->size() < 4)
    r.invalid("vatNumber", "invalid", "A VAT number, e.g. FR12345678901.");
  read_page(r, patch);
  if (auto e = r.error()) co_return problem(*e);
  auto updated = co_await service_.update(*req.principal, patch, req.remote_ip);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, settings_json(*updated));
}

http::Reply SettingsController::put_logo(http::Request& req) {
  auto upload = http::take_image_body(req);
  if (!upload) co_return problem(upload.error());
  auto updated = co_await service_.set_logo(*req.principal, std::move(*upload), req.remote_ip);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, settings_json(*updated));
}

http::Reply SettingsController::delete_logo(http::Request& req) {
  auto updated = co_await service_.set_logo(*req.principal, std::nullopt, req.remote_ip);
  if (!updated) co_return problem(updated.error());
  co_return http::json_reply(200, settings_json(*updated));
}

}  // namespace declic::settings
