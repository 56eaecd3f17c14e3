#include "modules/settings/settings_json.hpp"

#include "core/http/json.hpp"
#include "modules/images/images_model.hpp"

#include <boost/json.hpp>

namespace declic::settings {

namespace {
void add_page(boost::json::object& o, const StudioPage& page) {
  using core::http::nullable;
  o["presentation"] = nullable(page.presentation);
  o["contactEmail"] = nullable(page.contact_email);
  o["contactPhone"] = nullable(page.contact_phone);
  o["address"] = nullable(page.address);
  o["accentColor"] = nullable(page.accent_color);
  o["logoUrl"] = page.logo_image_id ? boost::json::value(images::image_url(*page.logo_image_id))
                                    : boost::json::value(nullptr);
}
}  // namespace

boost::json::value studio_json(const StudioProfile& p) {
  boost::json::object o{
      {"name", p.name}, {"timeZone", p.time_zone}, {"currency", p.currency}, {"locale", p.locale}};
  add_page(o, p.page);
  return o;
}

boost::json::value settings_json(const Settings& s) {
  boost::json::object o{{"studioName", s.profile.name},
                        {"timeZone", s.profile.time_zone},
                        {"currency", s.profile.currency},
                        {"locale", s.profile.locale},
                        {"slotStepMinutes", s.slot_step_minutes},
                        {"bookingHorizonMonths", s.booking.horizon_months},
                        {"maxOpenRequestsPerClient", s.booking.max_open_requests},
                        {"requestExpiryHours", s.booking.request_expiry_hours},
                        {"legalName", core::http::nullable(s.legal.legal_name)},
                        {"legalAddress", core::http::nullable(s.legal.address)},
                        {"siret", core::http::nullable(s.legal.siret)},
                        {"vatNumber", core::http::nullable(s.legal.vat_number)},
                        {"updatedAt", s.updated_at}};
  add_page(o, s.profile.page);
  return o;
}

}  // namespace declic::settings
