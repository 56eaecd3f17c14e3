#pragma once
// Each professional's availability: weekly working hours (wall clock in the studio time
// zone) and blocked periods (absolute instants: holidays, a shoot elsewhere). Availability
// is per professional because a service belongs to one professional and the no-double-
// booking guarantee is per professional (docs/decisions.md).

#include "modules/availability/slots.hpp"

#include <string>
#include <vector>

namespace declic::availability {

struct Calendar {
  std::vector<WeeklyRange> weekly;
  std::vector<Interval> blocks;
};

struct Block {
  std::string id;
  std::string professional_id;
  Interval period;
  std::string reason;
  std::string created_at;
};

// Ranges sorted by day and start; the first overlap between two ranges of one day, if any
// (the index, in `ranges` as given, of the later-starting range of the pair).
std::vector<WeeklyRange> sorted_ranges(std::vector<WeeklyRange> ranges);
std::optional<std::size_t> first_overlap(const std::vector<WeeklyRange>& ranges);

}  // namespace declic::availability
