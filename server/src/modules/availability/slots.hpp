#pragma once
// Free slots: the pure rule behind GET /api/services/{id}/slots and every booking check.
// No I/O: working hours, blocks and busy ranges come in, slot start times come out, so the
// rule is unit-tested on its own (buffers, notice, blocks, several ranges, DST days).
//
// A slot [start, start + duration) is free when:
//   - it lies inside one working range of its local day (wall clock in the studio zone);
//   - it starts a whole number of grid steps after that range's start (elapsed time, so on a
//     daylight-saving day the grid goes on across the change instead of repeating or skipping);
//   - the busy range [start - bufferBefore, end + bufferAfter) overlaps no block and no busy
//     range of another booking (buffers may reach outside working hours: only the session
//     itself must fit inside them);
//   - start >= now + minimum notice.

#include "core/time/time.hpp"

#include <chrono>
#include <vector>

namespace declic::availability {

using core::time::Date;
using core::time::Instant;

struct WeeklyRange {
  int weekday = 1;       // ISO: 1 = Monday … 7 = Sunday
  int start_minute = 0;  // from local midnight
  int end_minute = 0;    // exclusive; 1440 = midnight
};

struct Interval {  // [start, end)
  Instant start, end;
};

struct SlotRules {
  std::chrono::minutes duration{60}, buffer_before{0}, buffer_after{0}, step{15};
  std::chrono::hours min_notice{0};
};

struct SlotQuery {
  core::time::Zone zone;
  Date from, to;  // local dates, both included
  std::vector<WeeklyRange> weekly;
  std::vector<Interval> blocks;
  std::vector<Interval> busy;  // other bookings, buffers included
  Instant now;
  SlotRules rules;
};

// Free slots in time order.
std::vector<Interval> free_slots(const SlotQuery& q);

enum class SlotCheck {
  free,
  taken,       // free but for another booking
  too_soon,    // free but for the minimum notice (or in the past)
  unavailable  // outside working hours, blocked, or not on the grid
};

// Whether `start` is a free slot, and if not, the most useful reason. Looks at the local
// days around `start`, whatever q.from and q.to say.
SlotCheck check_slot(SlotQuery q, Instant start);

// The busy range of a session starting at `start`.
Interval busy_range(Instant start, const SlotRules& rules);

}  // namespace declic::availability
