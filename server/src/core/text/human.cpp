#include "core/text/human.hpp"

#include <array>
#include <chrono>

namespace declic::core::text {

namespace chr = std::chrono;

namespace {

constexpr std::string_view kNbsp = "\u00A0";      // before €, around "h"
constexpr std::string_view kThinNbsp = "\u202F";  // French thousands separator

constexpr std::array<std::string_view, 7> kDaysFr{"lundi",    "mardi",  "mercredi", "jeudi",
                                                  "vendredi", "samedi", "dimanche"};
constexpr std::array<std::string_view, 7> kDaysEn{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonthsFr{
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 12> kMonthsEn{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string two_digits(int n) {
  return (n < 10 ? "0" : "") + std::to_string(n);
}

// 1234567 → "1 234 567" with `separator` between groups of three.
std::string grouped(std::int64_t n, std::string_view separator) {
  auto digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

Lang lang_of(std::string_view locale) {
  return locale.starts_with("en") ? Lang::en : Lang::fr;
}

std::string long_date(time::Date day, Lang lang) {
  const chr::year_month_day ymd(day);
  const auto weekday = time::iso_weekday(day) - 1;
  const auto month = static_cast<unsigned>(ymd.month()) - 1;
  const auto d = std::to_string(static_cast<unsigned>(ymd.day()));
  const auto y = std::to_string(static_cast<int>(ymd.year()));
  if (lang == Lang::en)
    return std::string(kDaysEn[weekday]) + " " + d + " " + std::string(kMonthsEn[month]) + " " + y;
  return std::string(kDaysFr[weekday]) + " " + (d == "1" ? "1er" : d) + " " +
         std::string(kMonthsFr[month]) + " " + y;
}

std::string clock(int minutes, Lang lang) {
  const int h = minutes / 60, m = minutes % 60;
  if (lang == Lang::en)
    return std::to_string(h % 12 == 0 ? 12 : h % 12) + ":" + two_digits(m) +
           (h < 12 ? " am" : " pm");
  std::string out = std::to_string(h) + std::string(kNbsp) + "h";
  if (m) out += std::string(kNbsp) + two_digits(m);
  return out;
}

std::string local_clock(time::Instant t, const time::Zone& zone, Lang lang) {
  return clock(zone.local_minutes(t), lang);
}

std::string date_time(time::Instant t, const time::Zone& zone, Lang lang) {
  return long_date(zone.local_date(t), lang) + (lang == Lang::en ? " at " : " à ") +
         local_clock(t, zone, lang);
}

std::string money(std::int64_t cents, std::string_view currency, Lang lang) {
  const bool negative = cents < 0;
  if (negative) cents = -cents;
  const auto units = cents / 100, rest = cents % 100;
  const std::string symbol = currency == "EUR"   ? "€"
                             : currency == "USD" ? "$"
                             : currency == "GBP" ? "£"
                                                 : std::string(currency);
  const std::string sign = negative ? "-" : "";
  if (lang == Lang::en)
    return sign + symbol + grouped(units, ",") + "." + two_digits(static_cast<int>(rest));
  return sign + grouped(units, kThinNbsp) + "," + two_digits(static_cast<int>(rest)) +
         std::string(kNbsp) + symbol;
}

std::string duration(int minutes, Lang lang) {
  const int h = minutes / 60, m = minutes % 60;
  const std::string space = lang == Lang::en ? " " : std::string(kNbsp);
  if (h == 0) return std::to_string(m) + space + "min";
  std::string out = std::to_string(h) + space + "h";
  if (m) out += space + two_digits(m);
  return out;
}

}  // namespace declic::core::text
