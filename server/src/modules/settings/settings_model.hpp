#pragma once
// Studio settings: one row for the whole studio. The public part (name, time zone,
// currency, locale) is what any visitor's browser needs to show times and prices; the
// slot grid is what free slots start on.

#include <optional>
#include <string>
#include <string_view>

namespace declic::settings {

// An ISO 4217 code's shape: three capital letters.
inline bool valid_currency(std::string_view code) {
  if (code.size() != 3) return false;
  for (char c : code)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

struct StudioProfile {
  std::string name;
  std::string time_zone;  // IANA, e.g. "Europe/Paris"
  std::string currency;   // ISO 4217, e.g. "EUR"
  std::string locale;     // "fr" or "en"
};

// What a client may ask of the calendar (staff are exempt): how far ahead, how many requests
// waiting at once, and how long a request waits for an answer before it expires.
struct BookingLimits {
  int horizon_months = 18;
  int max_open_requests = 3;
  int request_expiry_hours = 72;
};

struct Settings {
  StudioProfile profile;
  int slot_step_minutes = 15;
  BookingLimits booking;
  std::string updated_at;  // RFC 3339
};

// PUT /api/settings: absent fields keep their value.
struct SettingsPatch {
  std::optional<std::string> name, time_zone, currency, locale;
  std::optional<int> slot_step_minutes, horizon_months, max_open_requests, request_expiry_hours;
};

}  // namespace declic::settings
