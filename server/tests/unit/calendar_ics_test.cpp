#include "modules/calendar/calendar_ics.hpp"

#include <gtest/gtest.h>

using namespace declic;
namespace dtime = core::time;

namespace {
dtime::Instant t(const char* rfc3339) {
  return *dtime::parse_rfc3339(rfc3339);
}
}  // namespace

TEST(CalendarIcs, TextIsEscapedAndControlCharactersDropped) {
  EXPECT_EQ(calendar::ics_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
  EXPECT_EQ(calendar::ics_text("one\r\ntwo\nthree"), "one\\ntwo\\nthree");
  EXPECT_EQ(calendar::ics_text("bell\x07 tab\t del\x7f"), "bell tab del");
  EXPECT_EQ(calendar::ics_text("Zoé « Lumière »"), "Zoé « Lumière »");
}

TEST(CalendarIcs, AnEventInUtcWithFoldedLines) {
  calendar::IcsCalendar cal{"Atelier", {}};
  calendar::IcsEvent e;
  e.uid = "42@declic";
  e.start = t("2027-03-29T07:30:00Z");
  e.end = t("2027-03-29T08:30:00Z");
  e.summary = "Portrait";
  // 100 two-byte characters: the fold must fall between sequences, never inside one.
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "é";
  e.description = long_text;
  e.status = "CONFIRMED";
  cal.events.push_back(e);
  const auto ics = calendar::render_ics(cal, t("2026-12-01T10:00:00Z"));

  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  EXPECT_TRUE(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
  EXPECT_NE(ics.find("\r\nDTSTART:20270329T073000Z\r\nDTEND:20270329T083000Z\r\n"),
            std::string::npos);
  EXPECT_NE(ics.find("\r\nDTSTAMP:20261201T100000Z\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("LOCATION"), std::string::npos) << "empty values are left out";

  std::string unfolded;
  std::size_t at = 0;
  while (at < ics.size()) {
    const auto end = ics.find("\r\n", at);
    ASSERT_NE(end, std::string::npos);
    const auto line = ics.substr(at, end - at);
    EXPECT_LE(line.size(), 75u);
    ASSERT_FALSE(line.empty());
    // A continuation starts with one space and never with half a character.
    if (line[0] == ' ') {
      EXPECT_NE(static_cast<unsigned char>(line[1]) & 0xC0, 0x80) << line;
      unfolded += line.substr(1);
    } else {
      unfolded += "\n" + line;
    }
    at = end + 2;
  }
  EXPECT_NE(unfolded.find("\nDESCRIPTION:" + long_text + "\n"), std::string::npos);
}
