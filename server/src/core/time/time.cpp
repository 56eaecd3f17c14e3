#include "core/time/time.hpp"

#include <date/tz.h>

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

namespace {
// Fixed-width digits by hand: these run for every slot of a listing, and snprintf was the
// largest cost of GET …/slots in a profile.
void put_digits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
}
}  // namespace

namespace {
// "YYYY-MM-DD" into out[0..10).
void put_date(char* out, Date d) {
  const chr::year_month_day ymd(d);
  put_digits(out, static_cast<unsigned>(static_cast<int>(ymd.year())), 4);
  out[4] = out[7] = '-';
  put_digits(out + 5, static_cast<unsigned>(ymd.month()), 2);
  put_digits(out + 8, static_cast<unsigned>(ymd.day()), 2);
}
}  // namespace

std::string format_date(Date d) {
  std::string out(10, '-');
  put_date(out.data(), d);
  return out;
}

std::optional<Instant> parse_rfc3339(std::string_view s) {
  if (s.size() < 20 || s.size() > 40) return std::nullopt;
  const auto day = parse_date(s.substr(0, 10));
  if (!day || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') return std::nullopt;
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

std::optional<Instant> parse_rfc3339_bound(std::string_view s) {
  if (s.size() <= 20 || s[19] != '.') return parse_rfc3339(s);
  std::size_t end = 20;
  while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
  if (end == 20) return std::nullopt;
  return parse_rfc3339(std::string(s.substr(0, 19)).append(s.substr(end)));
}

void append_rfc3339(std::string& out, Instant t) {
  const auto day = chr::floor<chr::days>(t);
  const auto seconds = static_cast<unsigned>((t - day).count());
  char buf[20] = "0000-00-00T00:00:00";
  put_date(buf, day);
  put_digits(buf + 11, seconds / 3600, 2);
  put_digits(buf + 14, seconds / 60 % 60, 2);
  put_digits(buf + 17, seconds % 60, 2);
  out.append(buf, 19);
  out += 'Z';
}

std::string format_rfc3339(Instant t) {
  std::string out;
  append_rfc3339(out, t);
  return out;
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
  std::string out = "00:00";
  put_digits(out.data(), static_cast<unsigned>(minutes / 60), 2);
  put_digits(out.data() + 3, static_cast<unsigned>(minutes % 60), 2);
  return out;
}

int iso_weekday(Date d) {
  return static_cast<int>(chr::weekday(d).iso_encoding());
}

Instant now() {
  return chr::floor<chr::seconds>(chr::system_clock::now());
}

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

int Zone::local_minutes(Instant t) const {
  const auto local = zone_->to_local(t);
  const auto day = chr::floor<chr::days>(local.time_since_epoch());
  return static_cast<int>(chr::duration_cast<chr::minutes>(local.time_since_epoch() - day).count());
}

std::string Zone::format_local(Instant t) const {
  return format_date(local_date(t)) + " " + format_clock(local_minutes(t));
}

std::string_view Zone::name() const {
  return zone_->name();
}

}  // namespace declic::core::time
