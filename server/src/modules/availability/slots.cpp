#include "modules/availability/slots.hpp"

#include <algorithm>

namespace declic::availability {

namespace {

bool overlaps(const Interval& a, const Interval& b) {
  return a.start < b.end && b.start < a.end;
}

// `sorted_by_start` must be sorted; `from` skips intervals that ended before `range` and so
// before every later range too (candidates come in time order within a working range).
bool overlaps_any(const Interval& range, const std::vector<Interval>& sorted_by_start,
                  std::size_t from = 0) {
  for (std::size_t i = from; i < sorted_by_start.size(); ++i) {
    const auto& other = sorted_by_start[i];
    if (other.start >= range.end) break;
    if (overlaps(range, other)) return true;
  }
  return false;
}

// The first interval that may still overlap ranges starting at or after `t`.
std::size_t first_ending_after(const std::vector<Interval>& by_start, std::size_t from, Instant t) {
  // Ends are not sorted when intervals nest; only skip a prefix that is wholly over.
  while (from < by_start.size() && by_start[from].end <= t) ++from;
  return from;
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
      std::size_t next_block = 0, next_busy = 0;
      for (Instant start = open; start + q.rules.duration <= close; start += q.rules.step) {
        if (start < earliest) continue;
        const auto busy_here = busy_range(start, q.rules);
        next_block = first_ending_after(blocks, next_block, busy_here.start);
        next_busy = first_ending_after(busy, next_busy, busy_here.start);
        if (overlaps_any(busy_here, blocks, next_block)) continue;
        if (overlaps_any(busy_here, busy, next_busy)) continue;
        out.push_back({start, start + q.rules.duration});
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
  // Overlapping or repeated working ranges offer one start once.
  out.erase(std::unique(out.begin(), out.end(),
                        [](const auto& a, const auto& b) { return a.start == b.start; }),
            out.end());
  return out;
}

SlotCheck check_slot(SlotQuery q, Instant start) {
  const Date day = q.zone.local_date(start);
  q.from = day - std::chrono::days(1);
  q.to = day + std::chrono::days(1);
  const auto has = [start](const std::vector<Interval>& slots) {
    return std::any_of(slots.begin(), slots.end(),
                       [start](const auto& s) { return s.start == start; });
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
