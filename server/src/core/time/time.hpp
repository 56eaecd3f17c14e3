#pragma once
// Instants, calendar dates and wall-clock time in a named time zone. Instants are UTC
// seconds; a local time only means something through an IANA zone, read from the operating
// system's tz database (date/tz.h stays inside time.cpp: libstdc++ 12 has no <chrono> zones).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace declic::core::time {

using Instant = std::chrono::sys_seconds;  // UTC
using Date = std::chrono::sys_days;        // a calendar date, no zone attached

// RFC 3339 with an offset: "2027-03-14T09:00:00Z", "2027-03-14T10:00:00+01:00"; fractional
// seconds accepted only when zero. nullopt for anything else, including impossible dates.
std::optional<Instant> parse_rfc3339(std::string_view text);
// The same with any fraction, cut to the second: for the bounds of a range, which browsers
// write to the millisecond (Date.toISOString()).
std::optional<Instant> parse_rfc3339_bound(std::string_view text);
std::string format_rfc3339(Instant t);             // always UTC: "2027-03-14T09:00:00Z"
void append_rfc3339(std::string& out, Instant t);  // the same, without a string of its own

std::optional<Date> parse_date(std::string_view text);  // "YYYY-MM-DD"
std::string format_date(Date d);

// "HH:MM" → minutes from midnight, 0..1440 ("24:00" only when `allow_midnight_end`).
std::optional<int> parse_clock(std::string_view text, bool allow_midnight_end);
std::string format_clock(int minutes);

int iso_weekday(Date d);  // 1 = Monday … 7 = Sunday

Instant now();
// Seconds since the Unix epoch, as stored and sent to PostgreSQL (`to_timestamp`).
inline std::int64_t epoch(Instant t) {
  return t.time_since_epoch().count();
}
inline Instant instant(std::int64_t seconds) {
  return Instant(std::chrono::seconds(seconds));
}

// A zone of the tz database. Cheap to copy; valid for the life of the process.
class Zone {
 public:
  static std::optional<Zone> find(std::string_view name);  // nullopt: unknown name

  // The instant the wall clock shows `minutes` after midnight of `day` (1440 = next
  // midnight). A time skipped by a daylight-saving change maps to the change itself; a
  // time shown twice, to its first occurrence.
  Instant to_instant(Date day, int minutes) const;
  Date local_date(Instant t) const;
  // The wall clock at `t`, in minutes after midnight (not the time elapsed since midnight,
  // which a daylight-saving change makes an hour more or less).
  int local_minutes(Instant t) const;
  std::string format_local(Instant t) const;  // "2027-03-14 09:00"
  std::string_view name() const;

 private:
  explicit Zone(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;
};

}  // namespace declic::core::time
