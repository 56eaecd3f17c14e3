#include "modules/bookings/bookings_controller.hpp"

#include "core/http/json.hpp"
#include "core/util/uuid.hpp"
#include "modules/bookings/bookings_json.hpp"

#include <boost/json.hpp>

#include <chrono>

namespace declic::bookings {

namespace chr = std::chrono;
namespace json = boost::json;
namespace http = core::http;
using core::Error;
using core::http::JsonReader;
using core::http::problem;
using core::http::Request;

namespace {

// A start time: RFC 3339 with an offset; an error on the reader otherwise.
std::optional<Instant> read_start(JsonReader& r) {
  auto text = r.required_string("start", 1, 40);
  if (!text) return std::nullopt;
  auto start = core::time::parse_rfc3339(*text);
  if (!start) r.invalid("start", "invalid", "A time like 2027-03-14T09:00:00+01:00.");
  return start;
}

// The optional `end` of a move: staff stretching or shortening a session (whole minutes, up
// to a day).
std::optional<Instant> read_end(JsonReader& r, const std::optional<Instant>& start) {
  auto text = r.optional_string("end", 1, 40);
  if (!text) return std::nullopt;
  auto end = core::time::parse_rfc3339(*text);
  if (!end) {
    r.invalid("end", "invalid", "A time like 2027-03-14T10:00:00+01:00.");
  } else if (start && (*end <= *start || *end - *start > chr::hours(24) ||
                       (*end - *start) % chr::minutes(1) != Instant::duration::zero())) {
    r.invalid("end", "out_of_range", "After the start, in whole minutes, within a day.");
  }
  return end;
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
  instant = core::time::parse_rfc3339_bound(*text);
  return instant.has_value();
}

}  // namespace

http::Reply BookingsController::slots(Request& req) {
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
  std::string body =
      R"({"timeZone":)" + json::serialize(json::string(found->time_zone)) + R"(,"slots":[)";
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

http::Reply BookingsController::create(Request& req) {
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
  const auto idempotency_key = http::read_idempotency_key(req, r);
  if (auto e = r.error()) co_return problem(*e);
  booking.service_id = *service_id;
  booking.start = *start;
  auto created = co_await service_.create(*req.principal, booking, idempotency_key, req.remote_ip);
  if (!created) co_return problem(created.error());
  co_return http::json_reply(201, booking_json(*created, *req.principal));
}

http::Reply BookingsController::list(Request& req) {
  const auto& me = *req.principal;
  const auto kept = pages_.find(me.id(), req.target);
  if (kept.body) co_return http::Response::json(200, *kept.body);
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
  auto page_query = http::read_list_query(req, 200, errors);
  if (!errors.empty()) co_return problem(Error::validation(std::move(errors)));
  query.limit = page_query.limit.value_or(query.limit);
  query.cursor = std::move(page_query.cursor);
  auto page = co_await service_.list(me, query);
  if (!page) co_return problem(page.error());
  // Kept until the actions it offers change of themselves (a session starts). Read the clock
  // before they are written: a session starting meanwhile then ends the page before it is kept.
  const auto until = next_change(page->items, core::time::now());
  auto reply = http::list_reply(
      *page, [&me](http::JsonWriter& w, const Booking& b) { write_booking(w, b, me); });
  pages_.keep(kept, reply.body, until);
  co_return reply;
}

http::Reply BookingsController::get(Request& req) {
  auto booking = co_await service_.get(*req.principal, std::string(req.param("id")));
  if (!booking) co_return problem(booking.error());
  co_return http::json_reply(200, booking_json(*booking, *req.principal));
}

http::Reply BookingsController::confirm(Request& req) {
  auto done =
      co_await service_.confirm(*req.principal, std::string(req.param("id")), req.remote_ip);
  if (!done) co_return problem(done.error());
  json::object body{{"booking", booking_json(done->booking, *req.principal)},
                    {"projectId", done->project_id}};
  co_return http::json_reply(200, body);
}

http::Reply BookingsController::decline(Request& req) {
  co_return co_await close(req, BookingAction::decline);
}

http::Reply BookingsController::cancel(Request& req) {
  co_return co_await close(req, BookingAction::cancel);
}

http::Reply BookingsController::close(Request& req, BookingAction action) {
  auto reason = read_reason(req);
  if (!reason) co_return problem(reason.error());
  auto booking = co_await service_.close(*req.principal, std::string(req.param("id")), action,
                                         *reason, req.remote_ip);
  if (!booking) co_return problem(booking.error());
  co_return http::json_reply(200, booking_json(*booking, *req.principal));
}

http::Reply BookingsController::reschedule(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  const auto start = read_start(r);
  const auto end = read_end(r, start);
  if (auto e = r.error()) co_return problem(*e);
  const Move move{*start, end};
  auto booking = co_await service_.reschedule(*req.principal, std::string(req.param("id")), move,
                                              req.remote_ip);
  if (!booking) co_return problem(booking.error());
  co_return http::json_reply(200, booking_json(*booking, *req.principal));
}

}  // namespace declic::bookings
