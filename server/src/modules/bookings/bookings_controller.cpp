#include "modules/bookings/bookings_controller.hpp"

#include "core/http/json.hpp"
#include "core/util/uuid.hpp"

#include <boost/json.hpp>


namespace declic::bookings {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using core::http::JsonReader;
using core::http::nullable;
using core::http::problem;
using core::http::Request;
using core::time::format_rfc3339;

namespace {

// A start time: RFC 3339 with an offset; an error on the reader otherwise.
std::optional<Instant> read_start(JsonReader& r) {
  auto text = r.required_string("start", 1, 40);
  if (!text) return std::nullopt;
  auto start = core::time::parse_rfc3339(*text);
  if (!start) r.invalid("start", "invalid", "A time like 2027-03-14T09:00:00+01:00.");
  return start;
}

// `{reason?}`; an absent body means no reason.
core::Result<std::optional<std::string>> read_reason(const Request& req) {
  if (req.body.empty()) return std::optional<std::string>{};
  auto body = http::parse_object(req);
  if (!body) return body.error();
  JsonReader r(*body);
  auto reason = r.optional_string("reason", 0, 1000);
  if (auto e = r.error()) return *e;
  if (reason && reason->empty()) reason.reset();
  return reason;
}

// A query parameter that is a local date or an RFC 3339 instant.
bool read_bound(const Request& req, const char* name, std::optional<Instant>& instant,
                std::optional<core::time::Date>& date) {
  auto text = req.query_param(name);
  if (!text || text->empty()) return true;
  if ((date = core::time::parse_date(*text))) return true;
  instant = core::time::parse_rfc3339(*text);
  return instant.has_value();
}

}  // namespace

json::value booking_json(const Booking& b) {
  return json::object{
      {"id", b.id},
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
      {"updatedAt", b.updated_at}};
}

BookingsController::Response BookingsController::slots(Request& req) {
  std::vector<core::FieldError> errors;
  std::optional<core::time::Date> from, to;
  for (const auto* name : {"from", "to"}) {
    auto text = req.query_param(name);
    auto day = text ? core::time::parse_date(*text) : std::nullopt;
    if (!day) errors.push_back({name, text ? "invalid" : "required", "A date YYYY-MM-DD."});
    (std::string_view(name) == "from" ? from : to) = day;
  }
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  const core::auth::Principal* me = req.principal ? &*req.principal : nullptr;
  auto found = co_await service_.slots(me, std::string(req.param("id")), *from, *to);
  if (!found) co_return problem(found.error());
  // Written out directly: a month holds hundreds of slots, and one JSON object per slot
  // dominated the route's cost. The times are fixed-format and need no escaping.
  std::string body = R"({"timeZone":)" + json::serialize(json::string(found->time_zone)) +
                     R"(,"slots":[)";
  body.reserve(body.size() + found->slots.size() * 56 + 2);
  for (std::size_t i = 0; i < found->slots.size(); ++i) {
    body += i ? R"(,{"start":")" : R"({"start":")";
    core::time::append_rfc3339(body, found->slots[i].start);
    body += R"(","end":")";
    core::time::append_rfc3339(body, found->slots[i].end);
    body += R"("})";
  }
  body += "]}";
  co_return http::Response::json(200, std::move(body));
}

BookingsController::Response BookingsController::create(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  NewBooking booking;
  auto service_id = r.required_string("serviceId", 1, 36);
  const auto start = read_start(r);
  booking.notes = r.optional_string("notes", 0, 2000);
  booking.client_id = r.optional_string("clientId", 1, 36);
  if (booking.notes && booking.notes->empty()) booking.notes.reset();
  if (booking.client_id && !core::is_uuid(*booking.client_id))
    r.invalid("clientId", "invalid", "Not an id.");
  const auto key = req.header("idempotency-key");
  std::optional<std::string> idempotency_key;
  if (!key.empty()) {
    bool printable = key.size() <= 255;
    for (unsigned char c : key) printable = printable && c > ' ' && c < 0x7f;
    if (!printable)
      r.invalid("Idempotency-Key", "invalid", "1 to 255 visible ASCII characters.");
    idempotency_key = std::string(key);
  }
  if (auto e = r.error()) co_return problem(*e);
  booking.service_id = *service_id;
  booking.start = *start;
  auto answer =
      co_await service_.create(*req.principal, booking, idempotency_key, req.remote_ip);
  if (!answer) co_return problem(answer.error());
  co_return http::Response::json(answer->status, answer->body);
}

BookingsController::Response BookingsController::list(Request& req) {
  BookingQuery query;
  std::vector<core::FieldError> errors;
  if (!read_bound(req, "from", query.from, query.from_date))
    errors.push_back({"from", "invalid", "A date YYYY-MM-DD or an RFC 3339 time."});
  if (!read_bound(req, "to", query.to, query.to_date))
    errors.push_back({"to", "invalid", "A date YYYY-MM-DD or an RFC 3339 time."});
  if (auto status = req.query_param("status"); status && !status->empty()) {
    query.status = booking_status_from(*status);
    if (!query.status) errors.push_back({"status", "invalid", "Unknown status."});
  }
  if (auto limit = http::read_limit(req, 200, errors)) query.limit = *limit;  // capped
  if (auto cursor = req.query_param("cursor"); cursor && !cursor->empty()) query.cursor = *cursor;
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  auto page = co_await service_.list(*req.principal, query);
  if (!page) co_return problem(page.error());
  json::array items;
  for (const auto& b : page->items) items.push_back(booking_json(b));
  co_return http::json_reply(200, http::list_body(std::move(items), page->next_cursor));
}

BookingsController::Response BookingsController::get(Request& req) {
  auto booking = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!booking) co_return problem(booking.error());
  co_return http::json_reply(200, booking_json(*booking));
}

BookingsController::Response BookingsController::confirm(Request& req) {
  auto done = co_await service_.confirm(*req.principal, std::string(req.param("id")),
                                        req.remote_ip);
  if (!done) co_return problem(done.error());
  json::object body{{"booking", booking_json(done->booking)}, {"projectId", done->project_id}};
  co_return http::json_reply(200, body);
}

BookingsController::Response BookingsController::decline(Request& req) {
  co_return co_await end_booking(req, BookingAction::decline);
}

BookingsController::Response BookingsController::cancel(Request& req) {
  co_return co_await end_booking(req, BookingAction::cancel);
}

BookingsController::Response BookingsController::end_booking(Request& req, BookingAction action) {
  auto reason = read_reason(req);
  if (!reason) co_return problem(reason.error());
  auto booking = co_await service_.end_booking(*req.principal, std::string(req.param("id")),
                                               action, *reason, req.remote_ip);
  if (!booking) co_return problem(booking.error());
  co_return http::json_reply(200, booking_json(*booking));
}

BookingsController::Response BookingsController::reschedule(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  const auto start = read_start(r);
  if (auto e = r.error()) co_return problem(*e);
  auto booking = co_await service_.reschedule(*req.principal, std::string(req.param("id")),
                                              *start, req.remote_ip);
  if (!booking) co_return problem(booking.error());
  co_return http::json_reply(200, booking_json(*booking));
}

Async<std::string> BookingsOverview::overview(const Principal& me, const std::string& user_id) {
  BookingQuery query;
  query.client_id = user_id;
  query.newest_first = true;  // upcoming and recent sessions, not the oldest ones
  auto page = co_await service_.list(me, query);
  if (!page) co_return page.error();
  json::array items;
  for (const auto& b : page->items) items.push_back(booking_json(b));
  co_return json::serialize(items);
}

}  // namespace declic::bookings
