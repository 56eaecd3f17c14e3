#pragma once
// iCalendar (RFC 5545) text for sessions: one event as a file to import, or a whole agenda
// as a feed calendars subscribe to. Times are written in UTC ("…Z"), which every calendar
// shows in its own zone, so no VTIMEZONE is needed and a DST change cannot shift a session.

#include "core/time/time.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace declic::calendar {

struct IcsEvent {
  std::string uid;  // stable across updates: calendars replace the event they already have
  core::time::Instant start, end;
  std::string summary, description, location, url;
  std::string status;  // TENTATIVE, CONFIRMED or CANCELLED
};

struct IcsCalendar {
  std::string name;  // X-WR-CALNAME: what a subscribed calendar is called
  std::vector<IcsEvent> events;
};

// The VCALENDAR, lines ending in CRLF and folded at 75 octets; `now` is every DTSTAMP.
std::string render_ics(const IcsCalendar& calendar, core::time::Instant now);

// TEXT value escaping: backslash, semicolon, comma and line breaks; control characters dropped.
std::string ics_text(std::string_view text);

}  // namespace declic::calendar
