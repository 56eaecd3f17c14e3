#include "modules/calendar/calendar_service.hpp"

#include "core/auth/tokens.hpp"
#include "core/error/try.hpp"
#include "core/text/human.hpp"
#include "modules/calendar/calendar_ics.hpp"
#include "modules/calendar/calendar_repository.hpp"

namespace declic::calendar {

using core::Error;
using core::text::Lang;
namespace dtime = core::time;

namespace {

// What a feed holds: the last two months (a session just done stays visible) and what is
// booked ahead, up to a bound no real agenda reaches.
constexpr auto kFeedPast = std::chrono::days(62);
constexpr auto kFeedAhead = std::chrono::days(550);
constexpr int kFeedMaxEvents = 2000;
constexpr std::size_t kTokenLength = 43;  // core::auth::random_token()

std::string full_name(const bookings::Person& p) {
  return p.first_name + " " + p.last_name;
}

dtime::Zone zone_of(const settings::StudioProfile& studio) {
  if (auto zone = dtime::Zone::find(studio.time_zone)) return *zone;
  return *dtime::Zone::find("UTC");
}

std::string status_of(std::string_view booking_status) {
  if (booking_status == "CONFIRMED") return "CONFIRMED";
  if (booking_status == "PENDING") return "TENTATIVE";
  return "CANCELLED";
}

// The session as its client's calendar shows it, in the client's language.
IcsEvent client_event(const ClientSession& s) {
  const bool fr = core::text::lang_of(s.locale) == Lang::fr;
  IcsEvent e;
  e.uid = s.booking_id + "@declic";
  e.start = s.start;
  e.end = s.end;
  e.summary = s.service_name + " — " + s.studio_name;
  e.url = s.link;
  e.description = (fr ? "Votre séance « " + s.service_name + " » avec " + s.studio_name + "."
                      : "Your “" + s.service_name + "” session with " + s.studio_name + ".") +
                  "\n" + s.link;
  e.location = s.studio_address;
  e.status = status_of(s.status);
  return e;
}

ClientSession client_session(const bookings::Booking& b, const settings::Settings& studio,
                             const std::string& public_url) {
  return {b.id,
          b.service.name,
          std::string(bookings::to_string(b.status)),
          b.start,
          b.end,
          studio.profile.name,
          settings::session_place(studio),
          public_url + (b.project_id ? "/client/projects/" + *b.project_id
                                     : std::string("/client/bookings")),
          b.client.locale};
}

// The session as its professional's feed shows it, in the studio's language.
IcsEvent staff_event(const bookings::Booking& b, const settings::Settings& studio,
                     const std::string& public_url) {
  const auto lang = core::text::lang_of(studio.profile.locale);
  IcsEvent e;
  e.uid = b.id + "@declic";
  e.start = b.start;
  e.end = b.end;
  e.summary = b.service.name + " — " + full_name(b.client);
  if (b.status == bookings::BookingStatus::pending)
    e.summary += lang == Lang::fr ? " (à confirmer)" : " (to confirm)";
  e.url =
      public_url + (b.project_id ? "/pro/projects/" + *b.project_id : std::string("/pro/requests"));
  e.description = full_name(b.client) + " · " + b.client.email;
  if (b.notes) e.description += "\n\n" + *b.notes;
  e.description += "\n\n" + e.url;
  e.location = settings::session_place(studio);
  e.status = status_of(bookings::to_string(b.status));
  return e;
}

Error no_feed() {
  return Error::not_found("calendar feed");
}

}  // namespace

CalendarService::CalendarService(core::db::Pool& db, const Imports& imports, std::string public_url)
    : db_(db),
      imports_(imports),
      public_url_(std::move(public_url)),
      repository_(std::make_unique<CalendarRepository>()) {}

CalendarService::~CalendarService() = default;

namespace {
// "seance-2027-03-29.ics": the session's local day, in the reader's language.
std::string file_name(std::string_view locale, const dtime::Zone& zone, dtime::Instant start) {
  const bool fr = core::text::lang_of(locale) == Lang::fr;
  return (fr ? "seance-" : "session-") + dtime::format_date(zone.local_date(start)) + ".ics";
}
}  // namespace

IcsFile client_session_file(const ClientSession& session, const dtime::Zone& zone) {
  const IcsCalendar calendar{session.studio_name, {client_event(session)}};
  return {file_name(session.locale, zone, session.start), render_ics(calendar, dtime::now())};
}

Async<IcsFile> CalendarService::booking_file(const Principal& me, const std::string& booking_id) {
  DECLIC_CO_TRY(auto booking, co_await imports_.bookings.get(me, booking_id));
  DECLIC_CO_TRY(auto studio, co_await imports_.settings.settings(db_));
  const auto zone = zone_of(studio.profile);
  if (!me.is_staff())
    co_return client_session_file(client_session(booking, studio, public_url_), zone);
  const IcsCalendar calendar{studio.profile.name, {staff_event(booking, studio, public_url_)}};
  co_return IcsFile{file_name(me.user.locale, zone, booking.start),
                    render_ics(calendar, dtime::now())};
}

Async<FeedState> CalendarService::feed(const Principal& me) {
  DECLIC_CO_TRY(auto created_at, co_await repository_->created_at(db_, me.id()));
  co_return FeedState{std::move(created_at)};
}

Async<NewFeed> CalendarService::renew_feed(const Principal& me) {
  const auto token = core::auth::random_token();
  DECLIC_CO_TRY(auto created_at,
                co_await repository_->replace(db_, me.id(), core::auth::sha256_hex(token)));
  co_return NewFeed{public_url_ + "/api/calendar-feeds/" + token + ".ics", std::move(created_at)};
}

Async<void> CalendarService::revoke_feed(const Principal& me) {
  co_return co_await repository_->remove(db_, me.id());
}

Async<std::string> CalendarService::feed_calendar(const std::string& token) {
  if (token.size() != kTokenLength) co_return no_feed();
  DECLIC_CO_TRY(auto owner, co_await repository_->owner(db_, core::auth::sha256_hex(token)));
  if (!owner) co_return no_feed();
  DECLIC_CO_TRY(auto studio, co_await imports_.settings.settings(db_));
  const auto now = dtime::now();
  const availability::Interval window{now - kFeedPast, now + kFeedAhead};
  DECLIC_CO_TRY(auto sessions, co_await imports_.bookings.agenda(*owner, window, kFeedMaxEvents));
  IcsCalendar calendar{studio.profile.name, {}};
  calendar.events.reserve(sessions.size());
  for (const auto& b : sessions) calendar.events.push_back(staff_event(b, studio, public_url_));
  co_return render_ics(calendar, now);
}

}  // namespace declic::calendar
