#pragma once
#include "modules/services/services_model.hpp"

#include <boost/json/value.hpp>

namespace declic::services {

// `staff`: with what only staff see (the default contract template).
boost::json::value service_json(const Service& s, bool staff);

}  // namespace declic::services
