#pragma once
// Studio settings: one row for the whole studio. The public part (name, time zone,
// currency, locale) is what any visitor's browser needs to show times and prices; the
// slot grid is what free slots start on.

#include "core/mail/layout.hpp"
#include "modules/images/images_model.hpp"

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

// What the public studio page shows besides the name; each may be absent.
struct StudioPage {
  std::optional<std::string> presentation, contact_email, contact_phone;
  std::optional<std::string> address;       // where sessions happen
  std::optional<std::string> accent_color;  // "#rrggbb", lower case
  std::optional<std::string> logo_image_id;
};

struct StudioProfile {
  std::string name;
  std::string time_zone;  // IANA, e.g. "Europe/Paris"
  std::string currency;   // ISO 4217, e.g. "EUR"
  std::string locale;     // "fr" or "en"
  StudioPage page;
};

// What a client may ask of the calendar (staff are exempt): how far ahead, how many requests
// waiting at once, and how long a request waits for an answer before it expires.
struct BookingLimits {
  int horizon_months = 18;
  int max_open_requests = 3;
  int request_expiry_hours = 72;
};

// What a French contract names of the studio. No VAT number: the studio is not registered for
// VAT and its contracts say "TVA non applicable, art. 293 B du CGI".
struct LegalDetails {
  std::optional<std::string> legal_name, address, siret, vat_number;
};

struct Settings {
  StudioProfile profile;
  LegalDetails legal;
  int slot_step_minutes = 15;
  BookingLimits booking;
  std::string updated_at;  // RFC 3339
};

// Where sessions happen, as calendars and mails name it: the studio's address, else its
// legal one, else nothing.
inline std::string session_place(const Settings& s) {
  return s.profile.page.address.value_or(s.legal.address.value_or(""));
}

// How the studio's mails look: its name, colour and logo (`public_url` makes the logo's address
// absolute). The recipient's language is the caller's to set.
inline core::mail::Look mail_look(const StudioProfile& p, const std::string& public_url) {
  core::mail::Look look;
  look.studio_name = p.name;
  if (p.page.accent_color) look.accent = *p.page.accent_color;
  if (p.page.logo_image_id) look.logo_url = public_url + images::image_url(*p.page.logo_image_id);
  return look;
}

// PUT /api/settings: absent fields keep their value.
struct SettingsPatch {
  std::optional<std::string> name, time_zone, currency, locale;
  std::optional<int> slot_step_minutes, horizon_months, max_open_requests, request_expiry_hours;
  // null or "" clears.
  std::optional<std::optional<std::string>> legal_name, legal_address, siret, vat_number;
  std::optional<std::optional<std::string>> presentation, contact_email, contact_phone, address,
      accent_color;
};

}  // namespace declic::settings
