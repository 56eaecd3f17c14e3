#pragma once
#include "modules/notifications/notifications_model.hpp"

#include <boost/json/value.hpp>

namespace declic::notifications {

boost::json::value notification_json(const Notification& n);
boost::json::value preferences_json(const Preferences& p);

}  // namespace declic::notifications
