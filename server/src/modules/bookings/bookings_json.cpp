#include "modules/bookings/bookings_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::bookings {

namespace json = boost::json;
using core::time::format_rfc3339;

void write_booking(core::http::JsonWriter& w, const Booking& b,
                   const core::auth::Principal& viewer) {
  w.begin_object();
  w.key("id").value(b.id);
  w.key("status").value(to_string(b.status));
  w.key("start").value(format_rfc3339(b.start));
  w.key("end").value(format_rfc3339(b.end));
  w.key("service").begin_object();
  w.key("id").value(b.service.id);
  w.key("name").value(b.service.name);
  w.key("durationMinutes").value(b.service.duration_minutes);
  w.end_object();
  w.key("client").begin_object();
  w.key("id").value(b.client.id);
  w.key("firstName").value(b.client.first_name);
  w.key("lastName").value(b.client.last_name);
  w.key("email").value(b.client.email);
  w.end_object();
  w.key("professionalId").value(b.professional_id);
  w.key("priceCents").value(b.price_cents);
  w.key("depositCents").value(b.deposit_cents);
  w.key("currency").value(b.currency);
  w.key("notes").value(b.notes);
  w.key("statusReason").value(b.status_reason);
  w.key("projectId").value(b.project_id);
  w.key("createdAt").value(b.created_at);
  w.key("updatedAt").value(b.updated_at);
  w.key("actions").begin_array();
  for (auto a : allowed_actions(b, viewer.is_staff(), core::time::now())) w.value(to_string(a));
  w.end_array();
  w.end_object();
}

// One encoder: a single booking is rare enough to be written and read back.
json::value booking_json(const Booking& b, const core::auth::Principal& viewer) {
  std::string text;
  core::http::JsonWriter w(text);
  write_booking(w, b, viewer);
  return json::parse(text);
}

}  // namespace declic::bookings
