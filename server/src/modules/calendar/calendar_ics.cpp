#include "modules/calendar/calendar_ics.hpp"

#include <string>

namespace declic::calendar {

namespace {

constexpr std::size_t kLineOctets = 75;

// 2026-12-09T08:30:00Z → 20261209T083000Z
std::string utc_stamp(core::time::Instant t) {
  auto text = core::time::format_rfc3339(t);
  std::erase_if(text, [](char c) { return c == '-' || c == ':'; });
  return text;
}

bool continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// One content line, folded (RFC 5545 §3.1) without cutting a UTF-8 sequence in two.
void append_line(std::string& out, std::string_view line) {
  std::size_t budget = kLineOctets;
  while (line.size() > budget) {
    std::size_t cut = budget;
    while (cut > 0 && continuation_byte(line[cut])) --cut;
    out.append(line.substr(0, cut)).append("\r\n ");
    line.remove_prefix(cut);
    budget = kLineOctets - 1;  // the leading space counts
  }
  out.append(line).append("\r\n");
}

void property(std::string& out, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  std::string line(name);
  line.push_back(':');
  line.append(value);
  append_line(out, line);
}

}  // namespace

std::string ics_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out.push_back(c);
    }
  }
  return out;
}

std::string render_ics(const IcsCalendar& calendar, core::time::Instant now) {
  std::string out;
  property(out, "BEGIN", "VCALENDAR");
  property(out, "VERSION", "2.0");
  property(out, "PRODID", "-//Declic//Studio agenda//FR");
  property(out, "CALSCALE", "GREGORIAN");
  property(out, "METHOD", "PUBLISH");
  property(out, "X-WR-CALNAME", ics_text(calendar.name));
  const auto stamp = utc_stamp(now);
  for (const auto& e : calendar.events) {
    property(out, "BEGIN", "VEVENT");
    property(out, "UID", ics_text(e.uid));
    property(out, "DTSTAMP", stamp);
    property(out, "DTSTART", utc_stamp(e.start));
    property(out, "DTEND", utc_stamp(e.end));
    property(out, "SUMMARY", ics_text(e.summary));
    property(out, "DESCRIPTION", ics_text(e.description));
    property(out, "LOCATION", ics_text(e.location));
    property(out, "URL", e.url);
    property(out, "STATUS", e.status);
    property(out, "END", "VEVENT");
  }
  property(out, "END", "VCALENDAR");
  return out;
}

}  // namespace declic::calendar
