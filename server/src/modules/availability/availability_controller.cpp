#include "modules/availability/availability_controller.hpp"

#include "core/http/json.hpp"
#include "core/util/uuid.hpp"
#include "modules/availability/availability_json.hpp"

#include <boost/json.hpp>

namespace declic::availability {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using core::http::JsonReader;
using core::http::problem;
using core::http::Request;

namespace {

constexpr std::size_t kMaxRanges = 100;

// The `professionalId` query parameter, or the caller; a 422 error when it is not an id.
core::Result<std::string> professional_param(const Request& req) {
  auto id = req.query_param("professionalId");
  if (!id || id->empty()) return req.principal->id();
  if (!core::is_uuid(*id)) return Error::validation({{"professionalId", "invalid", "Not an id."}});
  return *id;
}

// Prefixes the errors of one array element with its index: "[2].start".
void collect(std::vector<core::FieldError>& out, bool& type_error, const JsonReader& r,
             std::size_t index) {
  auto e = r.error();
  if (!e) return;
  type_error = type_error || e->errc == core::Errc::bad_request;
  for (auto f : e->fields) {
    f.field = "[" + std::to_string(index) + "]." + f.field;
    out.push_back(std::move(f));
  }
}

core::Result<std::vector<WeeklyRange>> read_ranges(const json::value& body) {
  const auto* array = body.if_array();
  if (!array) return Error::bad_request("Send an array of {weekday, start, end}.", "invalid_type");
  if (array->size() > kMaxRanges)
    return Error::validation({{"", "too_many", "At most 100 ranges."}});
  std::vector<WeeklyRange> ranges;
  std::vector<core::FieldError> errors;
  bool type_error = false;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      type_error = true;
      errors.push_back({"[" + std::to_string(i) + "]", "invalid_type", "Expected an object."});
      continue;
    }
    JsonReader r(*item);
    const auto weekday = r.required_int("weekday", 1, 7);
    const auto start_text = r.required_string("start", 5, 5);
    const auto end_text = r.required_string("end", 5, 5);
    std::optional<int> start, end;
    if (start_text && !(start = core::time::parse_clock(*start_text, false)))
      r.invalid("start", "invalid", "A time like 09:00.");
    if (end_text && !(end = core::time::parse_clock(*end_text, true)))
      r.invalid("end", "invalid", "A time like 18:00 (24:00 for midnight).");
    if (start && end && *end <= *start) r.invalid("end", "before_start", "After the start.");
    collect(errors, type_error, r, i);
    if (weekday && start && end && *end > *start)
      ranges.push_back({static_cast<int>(*weekday), *start, *end});
  }
  if (!errors.empty()) {
    auto e = Error::validation(std::move(errors));
    if (type_error) {
      e.errc = core::Errc::bad_request;
      e.code = "invalid_type";
      e.detail = "Some fields have the wrong type.";
    }
    return e;
  }
  return ranges;
}

}  // namespace

http::Reply AvailabilityController::weekly(Request& req) {
  auto pro = professional_param(req);
  if (!pro) co_return problem(pro.error());
  auto ranges = co_await service_.weekly(*req.principal, *pro);
  if (!ranges) co_return problem(ranges.error());
  co_return http::json_reply(200, weekly_json(*ranges));
}

http::Reply AvailabilityController::replace_weekly(Request& req) {
  auto pro = professional_param(req);
  if (!pro) co_return problem(pro.error());
  auto body = http::parse_json(req);
  if (!body) co_return problem(body.error());
  auto ranges = read_ranges(*body);
  if (!ranges) co_return problem(ranges.error());
  auto saved =
      co_await service_.replace_weekly(*req.principal, *pro, std::move(*ranges), req.remote_ip);
  if (!saved) co_return problem(saved.error());
  co_return http::json_reply(200, weekly_json(*saved));
}

http::Reply AvailabilityController::blocks(Request& req) {
  auto pro = professional_param(req);
  if (!pro) co_return problem(pro.error());
  // Default: blocks not over yet; `from` (a date) shows older ones.
  Instant after = core::time::now();
  if (auto from = req.query_param("from")) {
    auto day = core::time::parse_date(*from);
    if (!day) co_return problem(Error::validation({{"from", "invalid", "A date YYYY-MM-DD."}}));
    after = Instant(*day);
  }
  auto list = co_await service_.blocks(*req.principal, *pro, after);
  if (!list) co_return problem(list.error());
  json::array items;
  for (const auto& b : *list) items.push_back(block_json(b));
  co_return http::json_reply(200, http::list_body(std::move(items)));
}

http::Reply AvailabilityController::add_block(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  const auto start_text = r.required_string("start", 1, 40);
  const auto end_text = r.required_string("end", 1, 40);
  const auto reason = r.optional_string("reason", 0, 500);
  const auto pro = r.optional_string("professionalId", 1, 36);
  std::optional<Instant> start, end;
  if (start_text && !(start = core::time::parse_rfc3339(*start_text)))
    r.invalid("start", "invalid", "A time like 2027-03-14T09:00:00+01:00.");
  if (end_text && !(end = core::time::parse_rfc3339(*end_text)))
    r.invalid("end", "invalid", "A time like 2027-03-14T18:00:00+01:00.");
  if (start && end && *end <= *start) r.invalid("end", "before_start", "After the start.");
  if (start && end && *end - *start > std::chrono::days(366))
    r.invalid("end", "too_long", "At most a year.");
  if (pro && !core::is_uuid(*pro)) r.invalid("professionalId", "invalid", "Not an id.");
  if (auto e = r.error()) co_return problem(*e);
  Block block;
  block.professional_id = pro.value_or(req.principal->id());
  block.period = {*start, *end};
  block.reason = reason.value_or("");
  auto added = co_await service_.add_block(*req.principal, std::move(block), req.remote_ip);
  if (!added) co_return problem(added.error());
  co_return http::json_reply(201, block_json(*added));
}

http::Reply AvailabilityController::remove_block(Request& req) {
  auto done =
      co_await service_.remove_block(*req.principal, std::string(req.param("id")), req.remote_ip);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

}  // namespace declic::availability
