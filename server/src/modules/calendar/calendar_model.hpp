#pragma once
// Calendars outside Déclic: a session as an .ics file to import, and each professional's
// private feed of their sessions that Google, Apple or Outlook calendars subscribe to.

#include "core/time/time.hpp"

#include <optional>
#include <string>

namespace declic::calendar {

// Whether the caller has a live feed, and since when (RFC 3339). The address itself was
// shown once, when it was made.
struct FeedState {
  std::optional<std::string> created_at;
};

struct NewFeed {
  std::string url;
  std::string created_at;
};

// A session as its client's calendar shows it (their file, and the one their mails attach).
struct ClientSession {
  std::string booking_id, service_name;
  std::string status;  // the booking's: PENDING, CONFIRMED; anything else is cancelled
  core::time::Instant start, end;
  std::string studio_name, studio_address;
  std::string link;    // the page of the app it is about
  std::string locale;  // the client's
};

// An .ics to send.
struct IcsFile {
  std::string filename;
  std::string body;
};

}  // namespace declic::calendar
