#pragma once
// Studio settings: one row for the whole studio. The public part (name, time zone,
// currency, locale) is what any visitor's browser needs to show times and prices.

#include <boost/json/fwd.hpp>

#include <string>

namespace declic::settings {

struct StudioProfile {
  std::string name;
  std::string time_zone;  // IANA, e.g. "Europe/Paris"
  std::string currency;   // ISO 4217, e.g. "EUR"
  std::string locale;     // "fr" or "en"
};

void tag_invoke(const boost::json::value_from_tag&, boost::json::value& out,
                const StudioProfile& p);

}  // namespace declic::settings
