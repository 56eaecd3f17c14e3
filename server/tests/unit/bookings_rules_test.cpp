// The booking rules (modules/bookings/bookings_rules.cpp): which action leads where, who may
// still cancel or move a booking, and the actions the API offers each caller; and the exact
// bytes a booking and a page of them are answered with.
#include "core/http/json.hpp"
#include "core/time/time.hpp"
#include "modules/bookings/bookings_json.hpp"
#include "modules/bookings/bookings_model.hpp"

#include <gtest/gtest.h>

using namespace declic;
using bookings::Booking;
using bookings::BookingAction;
using bookings::BookingStatus;
using projects::ProjectStatus;
using namespace std::chrono_literals;

namespace {

using Actions = std::vector<BookingAction>;
constexpr auto kConfirm = BookingAction::confirm, kDecline = BookingAction::decline,
               kMove = BookingAction::reschedule, kCancel = BookingAction::cancel;

Booking booking(BookingStatus status, std::optional<ProjectStatus> project = std::nullopt) {
  Booking b;
  b.status = status;
  b.start = *core::time::parse_rfc3339("2027-03-15T09:00:00Z");
  b.end = b.start + std::chrono::hours(1);
  b.project_status = project;
  return b;
}

const auto kBefore = *core::time::parse_rfc3339("2027-03-10T09:00:00Z");
const auto kDuring = *core::time::parse_rfc3339("2027-03-15T09:30:00Z");

}  // namespace

TEST(BookingRules, EachActionLeadsToItsStatusFromWhereItMay) {
  using bookings::next_status;
  EXPECT_EQ(next_status(BookingStatus::pending, BookingAction::confirm), BookingStatus::confirmed);
  EXPECT_EQ(next_status(BookingStatus::pending, BookingAction::decline), BookingStatus::declined);
  EXPECT_EQ(next_status(BookingStatus::confirmed, BookingAction::cancel), BookingStatus::cancelled);
  EXPECT_EQ(next_status(BookingStatus::confirmed, BookingAction::reschedule),
            BookingStatus::confirmed);
  EXPECT_FALSE(next_status(BookingStatus::confirmed, BookingAction::confirm));
  EXPECT_FALSE(next_status(BookingStatus::confirmed, BookingAction::decline));
  for (auto done : {BookingStatus::declined, BookingStatus::cancelled})
    for (auto a : {BookingAction::confirm, BookingAction::decline, BookingAction::cancel,
                   BookingAction::reschedule})
      EXPECT_FALSE(next_status(done, a));
}

TEST(BookingRules, WhoMayStillCancelOrMove) {
  using bookings::change_allowed;
  const auto cancel = BookingAction::cancel, move = BookingAction::reschedule;
  const std::optional<ProjectStatus> none;
  // A client: before the start, while the project (if any) is CONFIRMED.
  EXPECT_TRUE(change_allowed(cancel, true, false, none));
  EXPECT_TRUE(change_allowed(move, true, false, ProjectStatus::confirmed));
  EXPECT_FALSE(change_allowed(cancel, true, true, none));
  EXPECT_FALSE(change_allowed(move, true, true, ProjectStatus::confirmed));
  for (auto later : {ProjectStatus::shot, ProjectStatus::editing, ProjectStatus::delivered,
                     ProjectStatus::closed}) {
    EXPECT_FALSE(change_allowed(cancel, true, false, later));
    EXPECT_FALSE(change_allowed(move, true, false, later));
    EXPECT_FALSE(change_allowed(move, false, false, later));  // staff move: CONFIRMED only
  }
  // Staff: cancel at any time, unless the work is delivered or closed.
  EXPECT_TRUE(change_allowed(cancel, false, true, ProjectStatus::confirmed));
  EXPECT_TRUE(change_allowed(cancel, false, true, ProjectStatus::editing));
  EXPECT_FALSE(change_allowed(cancel, false, false, ProjectStatus::delivered));
  EXPECT_FALSE(change_allowed(cancel, false, false, ProjectStatus::closed));
  EXPECT_TRUE(change_allowed(move, false, true, none));
  // Confirm and decline are next_status's business alone.
  EXPECT_TRUE(change_allowed(BookingAction::decline, true, true, ProjectStatus::closed));
}

TEST(BookingRules, ActionsAreWhatTheCallerMayDoNowInAFixedOrder) {
  using bookings::allowed_actions;
  const bool staff = true, client = false;
  EXPECT_EQ(allowed_actions(booking(BookingStatus::pending), staff, kBefore),
            (Actions{kConfirm, kDecline, kMove, kCancel}));
  EXPECT_EQ(allowed_actions(booking(BookingStatus::pending), client, kBefore),
            (Actions{kMove, kCancel}));
  const auto confirmed = booking(BookingStatus::confirmed, ProjectStatus::confirmed);
  EXPECT_EQ(allowed_actions(confirmed, staff, kBefore), (Actions{kMove, kCancel}));
  EXPECT_EQ(allowed_actions(confirmed, client, kBefore), (Actions{kMove, kCancel}));
  // Once the session began, the client can do nothing; staff may still move or cancel it.
  EXPECT_EQ(allowed_actions(confirmed, client, kDuring), Actions{});
  EXPECT_EQ(allowed_actions(confirmed, staff, kDuring), (Actions{kMove, kCancel}));
  // The project has moved on: staff cancel only, until it is delivered.
  EXPECT_EQ(
      allowed_actions(booking(BookingStatus::confirmed, ProjectStatus::editing), staff, kBefore),
      Actions{kCancel});
  EXPECT_EQ(
      allowed_actions(booking(BookingStatus::confirmed, ProjectStatus::delivered), staff, kBefore),
      Actions{});
  for (auto done : {BookingStatus::declined, BookingStatus::cancelled})
    EXPECT_EQ(allowed_actions(booking(done), staff, kBefore), Actions{});
}

// A page of bookings holds until its first session still to come starts: the only moment the
// actions it offers change of themselves.
TEST(BookingRules, APageOfBookingsChangesOfItselfWhenItsNextSessionStarts) {
  using bookings::next_change;
  const auto at = [](const char* text) { return *core::time::parse_rfc3339(text); };
  std::vector<Booking> page(3, booking(BookingStatus::confirmed));
  page[0].start = at("2027-03-20T09:00:00Z");
  page[1].start = at("2027-03-12T14:00:00Z");
  page[2].start = at("2027-03-01T09:00:00Z");  // already begun at kBefore
  EXPECT_EQ(next_change(page, kBefore), at("2027-03-12T14:00:00Z"));
  EXPECT_EQ(next_change(page, at("2027-03-12T14:00:00Z")), at("2027-03-20T09:00:00Z"));
  EXPECT_EQ(next_change(page, at("2027-04-01T00:00:00Z")), std::nullopt);
  EXPECT_EQ(next_change({}, kBefore), std::nullopt);
  // Whatever the page offers before that moment, it offers until then.
  for (const auto& b : page)
    for (bool staff : {true, false})
      EXPECT_EQ(bookings::allowed_actions(b, staff, kBefore),
                bookings::allowed_actions(b, staff, *next_change(page, kBefore) - 1s));
}

// The reply's bytes are part of the API: the member order, nulls, escapes and the page
// envelope are what the Node peers and the web app read.
TEST(BookingJson, AnswersTheContractsBytesAloneAndInAPage) {
  auto b = booking(BookingStatus::pending);
  b.start = *core::time::parse_rfc3339("2099-03-15T09:00:00Z");
  b.end = b.start + std::chrono::minutes(90);
  b.id = "b1";
  b.service = {"s1", "Portrait \"studio\"", 90};
  b.client = {"c1", "Zoé", "Ørsted", "zoe@example.fr", "fr"};
  b.professional_id = "p1";
  b.price_cents = 15000;
  b.deposit_cents = 0;
  b.currency = "EUR";
  b.notes = "line 1\nline\t2";
  b.created_at = "2026-12-03T16:18:17.987Z";
  b.updated_at = "2026-12-03T16:18:18.000Z";
  core::auth::Principal staff;
  staff.user.role = core::auth::Role::professionnel;
  const std::string one =
      R"({"id":"b1","status":"PENDING","start":"2099-03-15T09:00:00Z","end":"2099-03-15T10:30:00Z",)"
      R"("service":{"id":"s1","name":"Portrait \"studio\"","durationMinutes":90},)"
      R"("client":{"id":"c1","firstName":"Zoé","lastName":"Ørsted","email":"zoe@example.fr"},)"
      R"("professionalId":"p1","priceCents":15000,"depositCents":0,"currency":"EUR",)"
      R"("notes":"line 1\nline\t2","statusReason":null,"projectId":null,)"
      R"("createdAt":"2026-12-03T16:18:17.987Z","updatedAt":"2026-12-03T16:18:18.000Z",)"
      R"("actions":["confirm","decline","reschedule","cancel"]})";
  EXPECT_EQ(boost::json::serialize(bookings::booking_json(b, staff)), one);

  // A page, written item by item or encoded as values: the same bytes.
  const auto write = [&](core::http::JsonWriter& w, const Booking& x) {
    bookings::write_booking(w, x, staff);
  };
  const auto encode = [&](const Booking& x) { return bookings::booking_json(x, staff); };
  bookings::BookingPage page{{b, b}, "next"};
  const auto two = R"({"items":[)" + one + "," + one + R"(],"nextCursor":"next"})";
  EXPECT_EQ(core::http::list_reply(page, write).body, two);
  EXPECT_EQ(core::http::list_reply(page, encode).body, two);
  page.items.clear();
  page.next_cursor.reset();
  EXPECT_EQ(core::http::list_reply(page, write).body, R"({"items":[],"nextCursor":null})");
}
