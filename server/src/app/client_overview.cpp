#include "app/client_overview.hpp"

#include "core/http/json.hpp"
#include "modules/bookings/bookings_json.hpp"
#include "modules/projects/projects_json.hpp"
#include "modules/users/users_json.hpp"

#include <boost/json.hpp>

namespace declic::app {

namespace json = boost::json;
namespace http = core::http;
using http::problem;

namespace {

class ClientOverview {
 public:
  explicit ClientOverview(const Modules& modules) : modules_(modules) {}

  http::Reply get(http::Request& req) {
    const auto& me = *req.principal;
    auto user = co_await modules_.users.get(me, std::string(req.param("id")));
    if (!user) co_return problem(user.error());
    bookings::BookingQuery booking_query;
    booking_query.client_id = user->profile.id;
    booking_query.newest_first = true;  // upcoming and recent sessions, not the oldest ones
    auto booked = co_await modules_.bookings.list(me, booking_query);
    if (!booked) co_return problem(booked.error());
    projects::ProjectQuery project_query;
    project_query.client_id = user->profile.id;
    auto followed = co_await modules_.projects.list(me, project_query);
    if (!followed) co_return problem(followed.error());

    json::array bookings, projects;
    for (const auto& b : booked->items) bookings.push_back(bookings::booking_json(b, me));
    for (const auto& p : followed->items) projects.push_back(projects::project_json(p, me));
    const json::object body{{"user", users::user_json(*user, me.is_staff())},
                            {"bookings", std::move(bookings)},
                            {"projects", std::move(projects)}};
    co_return http::json_reply(200, body);
  }

 private:
  Modules modules_;
};

}  // namespace

void install_client_overview(core::ModuleContext& m, const Modules& modules) {
  auto& overview = m.own(std::make_unique<ClientOverview>(modules));
  m.router.get("/api/users/{id}/overview", overview, &ClientOverview::get)
      .guard(m.guards.signed_in);
}

}  // namespace declic::app
