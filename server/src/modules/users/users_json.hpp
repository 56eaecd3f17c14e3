#pragma once
#include "modules/users/users_model.hpp"

#include <boost/json/value.hpp>

namespace declic::users {

// The profile for everyone; `staff_view` adds notes, disabled, invitationPending.
boost::json::value user_json(const User& u, bool staff_view);

}  // namespace declic::users
