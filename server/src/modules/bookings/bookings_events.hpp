#pragma once
// The domain events the bookings module publishes, for the booking's client and the staff:
//
//   booking.requested    a client (or staff for a client) asked for a slot
//   booking.confirmed    → projects creates the booking's project, in the transaction
//   booking.declined
//   booking.cancelled    → projects cancels the booking's open project, in the transaction
//   booking.rescheduled
//
// Each carries {bookingId, clientId, professionalId, serviceId, status, start, end,
// byClient, reason?}. After commit, the notifications module tells the other side (in the
// app and by mail), and live clients see "booking.updated"; the audit module has recorded it.

#include "core/auth/principal.hpp"
#include "core/events/events.hpp"
#include "modules/bookings/bookings_model.hpp"

namespace declic::bookings {

// Who caused a change, and from where.
struct Cause {
  std::optional<std::string> actor_id;
  std::string ip;
  bool by_client = false;
};
Cause cause_of(const core::auth::Principal& me, const std::string& ip);

core::events::Event booking_event(BookingAction action, const Booking& b, const Cause& cause,
                                  const std::optional<std::string>& reason);
// booking.requested.
core::events::Event requested_event(const Booking& b, const Cause& cause);

}  // namespace declic::bookings
