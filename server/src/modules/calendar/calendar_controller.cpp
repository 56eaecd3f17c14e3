#include "modules/calendar/calendar_controller.hpp"

#include "core/http/files.hpp"
#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::calendar {

namespace http = core::http;
using http::problem;
using http::Request;

namespace {
constexpr std::string_view kCalendarType = "text/calendar; charset=utf-8";
}  // namespace

http::Reply CalendarController::booking_file(Request& req) {
  auto file = co_await service_.booking_file(*req.principal, std::string(req.param("id")));
  if (!file) co_return problem(file.error());
  auto res = http::Response::text(200, std::move(file->body), std::string(kCalendarType));
  res.set("Content-Disposition", http::content_disposition(file->filename));
  res.set("Cache-Control", "private, no-store");
  co_return res;
}

http::Reply CalendarController::feed(Request& req) {
  auto state = co_await service_.feed(*req.principal);
  if (!state) co_return problem(state.error());
  boost::json::object body{{"active", state->created_at.has_value()}, {"createdAt", nullptr}};
  if (state->created_at) body["createdAt"] = *state->created_at;
  co_return http::json_reply(200, body);
}

http::Reply CalendarController::renew_feed(Request& req) {
  auto feed = co_await service_.renew_feed(*req.principal);
  if (!feed) co_return problem(feed.error());
  co_return http::json_reply(
      201, boost::json::object{{"url", feed->url}, {"createdAt", feed->created_at}});
}

http::Reply CalendarController::revoke_feed(Request& req) {
  auto done = co_await service_.revoke_feed(*req.principal);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

// Calendars poll the address as given: the token, with or without ".ics".
http::Reply CalendarController::feed_calendar(Request& req) {
  auto token = req.param("token");
  if (token.ends_with(".ics")) token.remove_suffix(4);
  auto calendar = co_await service_.feed_calendar(std::string(token));
  if (!calendar) co_return problem(calendar.error());
  auto res = http::Response::text(200, std::move(*calendar), std::string(kCalendarType));
  res.set("Cache-Control", "private, no-cache");
  co_return res;
}

}  // namespace declic::calendar
