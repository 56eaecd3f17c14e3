#pragma once
// Dates, times and amounts written for people, in French or English, as a contract or a
// mail reads them: "mercredi 9 décembre 2026", "9 h 30", "1 250,00 €"; "Wednesday
// 9 December 2026", "9:30 am", "€1,250.00". French uses the no-break spaces its typography
// asks for, so that a line never breaks inside an amount or a time.

#include "core/time/time.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace declic::core::text {

enum class Lang { fr, en };
Lang lang_of(std::string_view locale);  // "en…" → en; anything else → fr

std::string long_date(time::Date day, Lang lang);
std::string clock(int minutes, Lang lang);
// The wall clock in `zone` at `t`: "9 h 30".
std::string local_clock(time::Instant t, const time::Zone& zone, Lang lang);
// "mercredi 9 décembre 2026 à 9 h 30" in `zone`.
std::string date_time(time::Instant t, const time::Zone& zone, Lang lang);
std::string money(std::int64_t cents, std::string_view currency, Lang lang);
// "1 h 30" / "1 h 30 min"-style durations: "2 h", "45 min", "1 h 30".
std::string duration(int minutes, Lang lang);

}  // namespace declic::core::text
