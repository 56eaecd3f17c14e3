#include "modules/availability/availability_json.hpp"

#include <boost/json.hpp>

namespace declic::availability {

using core::time::format_clock;
using core::time::format_rfc3339;

boost::json::value weekly_json(const std::vector<WeeklyRange>& ranges) {
  boost::json::array out;
  for (const auto& r : ranges)
    out.push_back({{"weekday", r.weekday},
                   {"start", format_clock(r.start_minute)},
                   {"end", format_clock(r.end_minute)}});
  return out;
}

boost::json::value block_json(const Block& b) {
  return boost::json::object{{"id", b.id},
                             {"professionalId", b.professional_id},
                             {"start", format_rfc3339(b.period.start)},
                             {"end", format_rfc3339(b.period.end)},
                             {"reason", b.reason},
                             {"createdAt", b.created_at}};
}

}  // namespace declic::availability
