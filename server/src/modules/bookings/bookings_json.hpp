#pragma once
#include "core/auth/principal.hpp"
#include "modules/bookings/bookings_model.hpp"

#include <boost/json/value.hpp>

namespace declic::bookings {

// A booking as `viewer` sees it: `actions` lists what they may do with it now, so the web
// app's buttons and the API's 409s cannot disagree.
boost::json::value booking_json(const Booking& b, const core::auth::Principal& viewer);

}  // namespace declic::bookings
