#include "modules/bookings/bookings_json.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::bookings {

namespace json = boost::json;
using core::http::nullable;
using core::time::format_rfc3339;

json::value booking_json(const Booking& b, const core::auth::Principal& viewer) {
  json::array actions;
  for (auto a : allowed_actions(b, viewer.is_staff(), core::time::now()))
    actions.push_back(json::string(to_string(a)));
  return json::object{{"id", b.id},
                      {"status", to_string(b.status)},
                      {"start", format_rfc3339(b.start)},
                      {"end", format_rfc3339(b.end)},
                      {"service",
                       {{"id", b.service.id},
                        {"name", b.service.name},
                        {"durationMinutes", b.service.duration_minutes}}},
                      {"client",
                       {{"id", b.client.id},
                        {"firstName", b.client.first_name},
                        {"lastName", b.client.last_name},
                        {"email", b.client.email}}},
                      {"professionalId", b.professional_id},
                      {"priceCents", b.price_cents},
                      {"depositCents", b.deposit_cents},
                      {"currency", b.currency},
                      {"notes", nullable(b.notes)},
                      {"statusReason", nullable(b.status_reason)},
                      {"projectId", nullable(b.project_id)},
                      {"createdAt", b.created_at},
                      {"updatedAt", b.updated_at},
                      {"actions", std::move(actions)}};
}

}  // namespace declic::bookings
