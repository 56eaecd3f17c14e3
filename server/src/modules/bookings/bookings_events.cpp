#include "modules/bookings/bookings_events.hpp"

namespace declic::bookings {

using core::events::Event;
using core::time::format_rfc3339;

namespace {

Event make(std::string type, const Booking& b, const Cause& cause) {
  Event e;
  e.type = std::move(type);
  e.subject_id = b.id;
  e.actor_id = cause.actor_id;
  e.ip = cause.ip;
  e.audience = {true, {b.client.id}};
  e.data = {{"bookingId", b.id},
            {"clientId", b.client.id},
            {"professionalId", b.professional_id},
            {"serviceId", b.service.id},
            {"status", to_string(b.status)},
            {"start", format_rfc3339(b.start)},
            {"end", format_rfc3339(b.end)},
            {"byClient", cause.by_client}};
  return e;
}

std::string type_of(BookingAction action) {
  switch (action) {
    case BookingAction::confirm:
      return "booking.confirmed";
    case BookingAction::decline:
      return "booking.declined";
    case BookingAction::cancel:
      return "booking.cancelled";
    case BookingAction::reschedule:
      return "booking.rescheduled";
    case BookingAction::expire:
      return "booking.expired";
  }
  return "booking.updated";
}

}  // namespace

Cause cause_of(const core::auth::Principal& me, const std::string& ip) {
  return {me.id(), ip, !me.is_staff()};
}

Event booking_event(BookingAction action, const Booking& b, const Cause& cause,
                    const std::optional<std::string>& reason) {
  auto e = make(type_of(action), b, cause);
  if (reason) e.data["reason"] = *reason;
  return e;
}

Event requested_event(const Booking& b, const Cause& cause) {
  return make("booking.requested", b, cause);
}

}  // namespace declic::bookings
