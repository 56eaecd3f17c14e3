#pragma once
#include "core/auth/principal.hpp"
#include "core/http/json_writer.hpp"
#include "modules/bookings/bookings_model.hpp"

#include <boost/json/value.hpp>

namespace declic::bookings {

// A booking as `viewer` sees it: `actions` lists what they may do with it now, so the web
// app's buttons and the API's 409s cannot disagree. Written straight out, for pages.
void write_booking(core::http::JsonWriter& w, const Booking& b,
                   const core::auth::Principal& viewer);
// The same as a value, for replies that hold a booking among other things.
boost::json::value booking_json(const Booking& b, const core::auth::Principal& viewer);

}  // namespace declic::bookings
