#pragma once
// Rules for calendars outside Déclic. A session's .ics goes to its client and to staff (to
// others, 404 as for the booking itself). Each staff member may have one private feed of
// their live sessions; making a new one revokes the old address at once, and a feed stops
// serving as soon as its owner is disabled or no longer staff.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/bookings/bookings_service.hpp"
#include "modules/calendar/calendar_model.hpp"
#include "modules/settings/settings_service.hpp"

#include <memory>

namespace declic::calendar {

using core::Async;
using core::auth::Principal;

class CalendarRepository;

// The client's .ics of one session, named after its local day in `zone`.
IcsFile client_session_file(const ClientSession& session, const core::time::Zone& zone);

class CalendarService {
 public:
  struct Imports {
    bookings::BookingsService& bookings;
    settings::SettingsService& settings;
  };
  // `public_url`: the app's address, which the feed's address and the events' links start with.
  CalendarService(core::db::Pool& db, const Imports& imports, std::string public_url);
  ~CalendarService();

  Async<IcsFile> booking_file(const Principal& me, const std::string& booking_id);

  Async<FeedState> feed(const Principal& me);
  Async<NewFeed> renew_feed(const Principal& me);
  Async<void> revoke_feed(const Principal& me);
  // What a subscribed calendar reads; 404 for a token that serves nothing (any more).
  Async<std::string> feed_calendar(const std::string& token);

 private:
  core::db::Pool& db_;
  Imports imports_;
  std::string public_url_;
  std::unique_ptr<CalendarRepository> repository_;
};

}  // namespace declic::calendar
