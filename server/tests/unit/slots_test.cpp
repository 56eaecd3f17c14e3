// Free-slot generation (availability::free_slots, check_slot) and the weekly hours' rules:
// no database, no clock (every test passes its own `now`).
#include "modules/availability/slots.hpp"
#include "core/time/time.hpp"
#include "modules/availability/availability_model.hpp"

#include <gtest/gtest.h>

using namespace declic;
using namespace std::chrono_literals;
using availability::Interval;
using availability::SlotCheck;
using availability::SlotQuery;
using availability::WeeklyRange;
using core::time::Instant;

namespace {

Instant at(const char* rfc3339) {
  auto t = core::time::parse_rfc3339(rfc3339);
  EXPECT_TRUE(t) << rfc3339;
  return t.value_or(Instant{});
}

core::time::Date day(const char* ymd) {
  return *core::time::parse_date(ymd);
}

core::time::Zone zone(const char* name) {
  return *core::time::Zone::find(name);
}

// One day, Paris, an hour-long session on the 15-minute grid, asked long before.
SlotQuery query(const char* date, std::vector<WeeklyRange> weekly,
                const char* tz = "Europe/Paris") {
  SlotQuery q{zone(tz), day(date), day(date), std::move(weekly), {}, {}, at("2020-01-01T00:00:00Z"),
              {}};
  q.rules.duration = 60min;
  q.rules.step = 15min;
  return q;
}

std::vector<std::string> starts(const std::vector<Interval>& slots) {
  std::vector<std::string> out;
  for (const auto& s : slots) out.push_back(core::time::format_rfc3339(s.start));
  return out;
}

}  // namespace

// 2027-03-15 is a Monday (weekday 1); Paris is UTC+1 in March before the 28th.
TEST(Slots, FillWorkingHoursOnTheGrid) {
  auto slots = availability::free_slots(query("2027-03-15", {{1, 9 * 60, 11 * 60}}));
  EXPECT_EQ(starts(slots), (std::vector<std::string>{"2027-03-15T08:00:00Z", "2027-03-15T08:15:00Z",
                                                     "2027-03-15T08:30:00Z", "2027-03-15T08:45:00Z",
                                                     "2027-03-15T09:00:00Z"}));
  EXPECT_EQ(slots.back().end, at("2027-03-15T10:00:00Z"));  // the session ends at closing time
}

TEST(Slots, OtherWeekdaysHaveNone) {
  EXPECT_TRUE(availability::free_slots(query("2027-03-16", {{1, 9 * 60, 18 * 60}})).empty());
}

TEST(Slots, SeveralRangesADay) {
  auto q = query("2027-03-15", {{1, 14 * 60, 15 * 60}, {1, 9 * 60, 10 * 60}});
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T08:00:00Z", "2027-03-15T13:00:00Z"}));
}

TEST(Slots, TheGridIsASetting) {
  auto q = query("2027-03-15", {{1, 9 * 60, 11 * 60}});
  q.rules.step = 30min;
  EXPECT_EQ(availability::free_slots(q).size(), 3u);  // 09:00, 09:30, 10:00
}

TEST(Slots, BuffersKeepDistanceFromOtherBookings) {
  auto q = query("2027-03-15", {{1, 9 * 60, 13 * 60}});
  q.busy = {{at("2027-03-15T10:00:00Z"), at("2027-03-15T11:00:00Z")}};  // 11:00-12:00 local
  q.rules.buffer_before = 15min;
  q.rules.buffer_after = 30min;
  // Session + 30 min after must end by 11:00 local → last start 09:30; first start after is
  // 12:00 + 15 min before → 12:15, but a 60-min session must end by 13:00 → none after.
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T08:00:00Z", "2027-03-15T08:15:00Z",
                                      "2027-03-15T08:30:00Z"}));
}

TEST(Slots, BackToBackBookingsLeaveTheNextSlotFree) {
  auto q = query("2027-03-15", {{1, 9 * 60, 11 * 60}});
  q.busy = {{at("2027-03-15T08:00:00Z"), at("2027-03-15T09:00:00Z")}};  // 09:00-10:00 local
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T09:00:00Z"}));
}

TEST(Slots, BlocksRemoveWhatTheyTouch) {
  auto q = query("2027-03-15", {{1, 9 * 60, 12 * 60}});
  q.blocks = {{at("2027-03-15T09:10:00Z"), at("2027-03-15T09:20:00Z")}};  // 10:10-10:20 local
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T08:00:00Z", "2027-03-15T09:30:00Z",
                                      "2027-03-15T09:45:00Z", "2027-03-15T10:00:00Z"}));
}

TEST(Slots, BuffersCountAgainstBlocks) {
  auto q = query("2027-03-15", {{1, 9 * 60, 11 * 60}});
  q.blocks = {{at("2027-03-15T09:00:00Z"), at("2027-03-15T10:00:00Z")}};  // from 10:00 local
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T08:00:00Z"}));  // ends as the block begins
  q.rules.buffer_after = 15min;
  EXPECT_TRUE(availability::free_slots(q).empty());
}

TEST(Slots, MinimumNoticeAndThePast) {
  auto q = query("2027-03-15", {{1, 9 * 60, 12 * 60}});
  q.now = at("2027-03-15T07:50:00Z");  // 08:50 local
  q.rules.min_notice = 2h;             // nothing before 10:50 local
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T10:00:00Z"}));
  q.rules.min_notice = 0h;
  q.now = at("2027-03-15T10:01:00Z");  // 11:01 local: past the last start
  EXPECT_TRUE(availability::free_slots(q).empty());
}

// Paris springs forward on 2027-03-28 (a Sunday): 02:00 CET → 03:00 CEST.
TEST(Slots, SpringForwardDayInParis) {
  // Daytime hours: the same wall-clock grid, now at UTC+2.
  auto day_hours = query("2027-03-28", {{7, 9 * 60, 11 * 60}});
  EXPECT_EQ(starts(availability::free_slots(day_hours)).front(), "2027-03-28T07:00:00Z");
  EXPECT_EQ(availability::free_slots(day_hours).size(), 5u);
  // Hours across the change: 01:00-04:00 local lasts two real hours; 02:xx does not exist.
  auto night = query("2027-03-28", {{7, 60, 4 * 60}});
  EXPECT_EQ(starts(availability::free_slots(night)),
            (std::vector<std::string>{"2027-03-28T00:00:00Z", "2027-03-28T00:15:00Z",
                                      "2027-03-28T00:30:00Z", "2027-03-28T00:45:00Z",
                                      "2027-03-28T01:00:00Z"}));
}

// Paris falls back on 2027-10-31 (a Sunday): 03:00 CEST → 02:00 CET.
TEST(Slots, FallBackDayInParis) {
  auto day_hours = query("2027-10-31", {{7, 9 * 60, 11 * 60}});
  EXPECT_EQ(starts(availability::free_slots(day_hours)).front(), "2027-10-31T08:00:00Z");
  // 01:00-04:00 local lasts four real hours: 02:00-03:00 happens twice.
  auto night = query("2027-10-31", {{7, 60, 4 * 60}});
  const auto slots = availability::free_slots(night);
  ASSERT_EQ(slots.size(), 13u);  // (240 - 60) / 15 + 1
  EXPECT_EQ(core::time::format_rfc3339(slots.front().start), "2027-10-30T23:00:00Z");
  EXPECT_EQ(core::time::format_rfc3339(slots.back().start), "2027-10-31T02:00:00Z");
  EXPECT_EQ(zone("Europe/Paris").format_local(slots[4].start), "2027-10-31 02:00");  // CEST
  EXPECT_EQ(zone("Europe/Paris").format_local(slots[8].start), "2027-10-31 02:00");  // CET
}

TEST(Slots, AnotherTimeZone) {
  // New York on 2027-03-15 (EDT since 03-14, UTC-4).
  auto q = query("2027-03-15", {{1, 9 * 60, 10 * 60}}, "America/New_York");
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T13:00:00Z"}));
  // Tokyo: no daylight saving, UTC+9: 09:00 local is midnight UTC.
  auto tokyo = query("2027-03-15", {{1, 9 * 60, 10 * 60}}, "Asia/Tokyo");
  EXPECT_EQ(starts(availability::free_slots(tokyo)),
            (std::vector<std::string>{"2027-03-15T00:00:00Z"}));
}

TEST(Slots, MidnightEndAndSeveralDays) {
  auto q = query("2027-03-15", {{1, 22 * 60, 24 * 60}, {2, 22 * 60, 24 * 60}});
  q.to = day("2027-03-21");
  q.rules.step = 60min;
  EXPECT_EQ(starts(availability::free_slots(q)),
            (std::vector<std::string>{"2027-03-15T21:00:00Z", "2027-03-15T22:00:00Z",
                                      "2027-03-16T21:00:00Z", "2027-03-16T22:00:00Z"}));
}

TEST(Slots, CheckSlotGivesTheReason) {
  auto q = query("2027-03-15", {{1, 9 * 60, 13 * 60}});  // 08:00Z-12:00Z
  q.busy = {{at("2027-03-15T10:00:00Z"), at("2027-03-15T11:00:00Z")}};
  q.blocks = {{at("2027-03-15T11:00:00Z"), at("2027-03-15T12:00:00Z")}};
  q.now = at("2027-03-15T07:30:00Z");
  q.rules.min_notice = 1h;
  EXPECT_EQ(availability::check_slot(q, at("2027-03-15T08:45:00Z")), SlotCheck::free);
  EXPECT_EQ(availability::check_slot(q, at("2027-03-15T10:00:00Z")), SlotCheck::taken);
  EXPECT_EQ(availability::check_slot(q, at("2027-03-15T08:00:00Z")), SlotCheck::too_soon);
  EXPECT_EQ(availability::check_slot(q, at("2027-03-15T08:40:00Z")), SlotCheck::unavailable);
  EXPECT_EQ(availability::check_slot(q, at("2027-03-15T11:00:00Z")), SlotCheck::unavailable);
  EXPECT_EQ(availability::check_slot(q, at("2027-03-16T08:45:00Z")), SlotCheck::unavailable);
}

TEST(Time, Rfc3339) {
  EXPECT_EQ(core::time::format_rfc3339(at("2027-03-14T10:00:00+01:00")), "2027-03-14T09:00:00Z");
  EXPECT_EQ(core::time::format_rfc3339(at("2027-03-14T09:00:00.000Z")), "2027-03-14T09:00:00Z");
  for (const char* bad : {"2027-03-14", "2027-02-30T09:00:00Z", "2027-03-14T24:00:00Z",
                          "2027-03-14T09:00:00", "2027-03-14T09:00:00.5Z", "2027-03-14T09:00Z",
                          "2027-03-14T09:00:00+1:00", "x027-03-14T09:00:00Z", ""})
    EXPECT_FALSE(core::time::parse_rfc3339(bad)) << bad;
  // Bounds of a range: any fraction, cut to the second.
  EXPECT_EQ(core::time::parse_rfc3339_bound("2027-03-14T09:00:00.987Z"),
            at("2027-03-14T09:00:00Z"));
  EXPECT_EQ(core::time::parse_rfc3339_bound("2027-03-14T10:00:00.5+01:00"),
            at("2027-03-14T09:00:00Z"));
  EXPECT_EQ(core::time::parse_rfc3339_bound("2027-03-14T09:00:00Z"), at("2027-03-14T09:00:00Z"));
  for (const char* bad :
       {"2027-03-14T09:00:00.Z", "2027-03-14T09:00:00.5", "2027-03-14T09:00:00.x"})
    EXPECT_FALSE(core::time::parse_rfc3339_bound(bad)) << bad;
  EXPECT_FALSE(core::time::parse_date("2027-13-01"));
  EXPECT_FALSE(core::time::Zone::find("Mars/Olympus"));
  EXPECT_TRUE(core::time::Zone::find("Europe/Paris"));
  EXPECT_EQ(core::time::parse_clock("24:00", true), 1440);
  EXPECT_FALSE(core::time::parse_clock("24:00", false));
  EXPECT_FALSE(core::time::parse_clock("9:00", false));
}

TEST(Slots, OverlappingRangesOfferEachStartOnce) {
  // Two ranges of one day that overlap (e.g. left by concurrent replacements): no duplicates.
  auto q = query("2027-03-15", {{1, 9 * 60, 11 * 60}, {1, 10 * 60, 11 * 60}, {1, 9 * 60, 11 * 60}});
  const auto s = starts(availability::free_slots(q));
  EXPECT_EQ(s, (std::vector<std::string>{"2027-03-15T08:00:00Z", "2027-03-15T08:15:00Z",
                                         "2027-03-15T08:30:00Z", "2027-03-15T08:45:00Z",
                                         "2027-03-15T09:00:00Z"}));
}

TEST(WeeklyHours, OverlapNamesTheIndexAsSent) {
  using availability::first_overlap;
  // Sent: Monday 11-13, Tuesday 9-10, Monday 9-12: the second Monday range starts first.
  const std::vector<WeeklyRange> sent{
      {1, 11 * 60, 13 * 60}, {2, 9 * 60, 10 * 60}, {1, 9 * 60, 12 * 60}};
  EXPECT_EQ(first_overlap(sent), std::optional<std::size_t>(0));
  const std::vector<WeeklyRange> apart{{1, 9 * 60, 10 * 60}, {1, 10 * 60, 11 * 60}};
  EXPECT_FALSE(first_overlap(apart));
}
