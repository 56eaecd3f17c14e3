#pragma once
// The JSON of the studio profile and settings, for the controllers.
#include "modules/settings/settings_model.hpp"

#include <boost/json/value.hpp>

namespace declic::settings {

boost::json::value studio_json(const StudioProfile& p);
boost::json::value settings_json(const Settings& s);

}  // namespace declic::settings
