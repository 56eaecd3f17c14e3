#pragma once
#include "modules/availability/availability_model.hpp"

#include <boost/json/value.hpp>

namespace declic::availability {

boost::json::value weekly_json(const std::vector<WeeklyRange>& ranges);
boost::json::value block_json(const Block& b);

}  // namespace declic::availability
