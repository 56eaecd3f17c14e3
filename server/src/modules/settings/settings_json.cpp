#include "modules/settings/settings_json.hpp"

#include <boost/json.hpp>

namespace declic::settings {

boost::json::value studio_json(const StudioProfile& p) {
  return {
      {"name", p.name}, {"timeZone", p.time_zone}, {"currency", p.currency}, {"locale", p.locale}};
}

boost::json::value settings_json(const Settings& s) {
  return {{"studioName", s.profile.name},
          {"timeZone", s.profile.time_zone},
          {"currency", s.profile.currency},
          {"locale", s.profile.locale},
          {"slotStepMinutes", s.slot_step_minutes},
          {"bookingHorizonMonths", s.booking.horizon_months},
          {"maxOpenRequestsPerClient", s.booking.max_open_requests},
          {"requestExpiryHours", s.booking.request_expiry_hours},
          {"updatedAt", s.updated_at}};
}

}  // namespace declic::settings
