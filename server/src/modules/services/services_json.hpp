#pragma once
#include "modules/services/services_model.hpp"

#include <boost/json/value.hpp>

namespace declic::services {

boost::json::value service_json(const Service& s);

}  // namespace declic::services
