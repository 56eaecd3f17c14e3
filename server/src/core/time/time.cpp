#include "core/time/time.hpp"

#include <date/tz.h>

#include <charconv>
#include <cstdio>

namespace declic::core::time {

namespace chr = std::chrono;

namespace {

// Digits at s[pos, pos+n) as a number; -1 when any is not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<chr::year_month_day> calendar(int y, int m, int d) {
  if (y < 1900 || y > 9999) return std::nullopt;
  const chr::year_month_day ymd{chr::year(y), chr::month(static_cast<unsigned>(m)),
                                chr::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  auto ymd = calendar(y, m, d);
  if (!ymd) return std::nullopt;
  return Date(*ymd);
}

std::string format_date(Date d) {
  const chr::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<Instant> parse_rfc3339(std::string_view s) {
  if (s.size() < 20 || s.size() > 40) return std::nullopt;
  const auto day = parse_date(s.substr(0, 10));
  if (!day || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  const int h = digits(s, 11, 2), mi = digits(s, 14, 2), sec = digits(s, 17, 2);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return std::nullopt;
  std::size_t pos = 19;
  if (s[pos] == '.') {  // fraction: only zeros, since slots are whole seconds
    ++pos;
    const auto start = pos;
    while (pos < s.size() && s[pos] == '0') ++pos;
    if (pos == start || (pos < s.size() && s[pos] >= '1' && s[pos] <= '9')) return std::nullopt;
  }
  if (pos >= s.size()) return std::nullopt;
  int offset = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    if (pos + 1 != s.size()) return std::nullopt;
  } else if (s[pos] == '+' || s[pos] == '-') {
    if (pos + 6 != s.size() || s[pos + 3] != ':') return std::nullopt;
    const int oh = digits(s, pos + 1, 2), om = digits(s, pos + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return std::nullopt;
    offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return Instant(*day) + chr::hours(h) + chr::minutes(mi - offset) + chr::seconds(sec);
}

std::string format_rfc3339(Instant t) {
  const auto day = chr::floor<chr::days>(t);
  const chr::hh_mm_ss hms(t - day);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(day).c_str(),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::optional<int> parse_clock(std::string_view s, bool allow_midnight_end) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  const int h = digits(s, 0, 2), m = digits(s, 3, 2);
  if (h < 0 || m < 0 || m > 59) return std::nullopt;
  if (h == 24 && m == 0 && allow_midnight_end) return 1440;
  if (h > 23) return std::nullopt;
  return h * 60 + m;
}

std::string format_clock(int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
  return buf;
}

int iso_weekday(Date d) { return static_cast<int>(chr::weekday(d).iso_encoding()); }

Instant now() { return chr::floor<chr::seconds>(chr::system_clock::now()); }

std::optional<Zone> Zone::find(std::string_view name) {
  if (name.empty() || name.size() > 64) return std::nullopt;
  try {
    return Zone(date::locate_zone(name));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

Instant Zone::to_instant(Date day, int minutes) const {
  const date::local_seconds local{(day + chr::minutes(minutes)).time_since_epoch()};
  // earliest: a repeated time → its first occurrence; a skipped one → the transition.
  return zone_->to_sys(local, date::choose::earliest);
}

Date Zone::local_date(Instant t) const {
  const auto local = zone_->to_local(t);
  return Date(chr::floor<chr::days>(local.time_since_epoch()));
}

std::string Zone::format_local(Instant t) const {
  const auto local = zone_->to_local(t);
  const auto day = chr::floor<chr::days>(local.time_since_epoch());
  const auto minutes = chr::duration_cast<chr::minutes>(local.time_since_epoch() - day).count();
  return format_date(Date(day)) + " " + format_clock(static_cast<int>(minutes));
}

std::string_view Zone::name() const { return zone_->name(); }

}  // namespace declic::core::time
