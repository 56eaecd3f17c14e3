#include "modules/availability/slots.hpp"

#include <algorithm>

namespace declic::availability {

namespace {

bool overlaps(const Interval& a, const Interval& b) { return a.start < b.end && b.start < a.end; }

bool overlaps_any(const Interval& range, const std::vector<Interval>& sorted_by_start) {
  for (const auto& other : sorted_by_start) {
    if (other.start >= range.end) break;
    if (overlaps(range, other)) return true;
  }
  return false;
}

std::vector<Interval> sorted(std::vector<Interval> v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return v;
}

}  // namespace

Interval busy_range(Instant start, const SlotRules& rules) {
  return {start - rules.buffer_before, start + rules.duration + rules.buffer_after};
}

std::vector<Interval> free_slots(const SlotQuery& q) {
  std::vector<Interval> out;
  if (q.rules.step.count() <= 0 || q.rules.duration.count() <= 0) return out;
  const auto blocks = sorted(q.blocks);
  const auto busy = sorted(q.busy);
  const Instant earliest = q.now + q.rules.min_notice;
  for (Date day = q.from; day <= q.to; day += std::chrono::days(1)) {
    const int weekday = core::time::iso_weekday(day);
    for (const auto& range : q.weekly) {
      if (range.weekday != weekday) continue;
      const Instant open = q.zone.to_instant(day, range.start_minute);
      const Instant close = q.zone.to_instant(day, range.end_minute);
      for (Instant start = open; start + q.rules.duration <= close; start += q.rules.step) {
        if (start < earliest) continue;
        const auto busy_here = busy_range(start, q.rules);
        if (overlaps_any(busy_here, blocks) || overlaps_any(busy_here, busy)) continue;
        out.push_back({start, start + q.rules.duration});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  return out;
}

SlotCheck check_slot(SlotQuery q, Instant start) {
  const Date day = q.zone.local_date(start);
  q.from = day - std::chrono::days(1);
  q.to = day + std::chrono::days(1);
  const auto has = [start](const std::vector<Interval>& slots) {
    return std::any_of(slots.begin(), slots.end(), [start](const auto& s) { return s.start == start; });
  };
  if (has(free_slots(q))) return SlotCheck::free;
  q.busy.clear();
  if (has(free_slots(q))) return SlotCheck::taken;
  q.now = Instant{};  // no notice, and the past counts as bookable
  q.rules.min_notice = std::chrono::hours(0);
  if (has(free_slots(q))) return SlotCheck::too_soon;
  return SlotCheck::unavailable;
}

}  // namespace declic::availability
