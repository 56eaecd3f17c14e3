#include "app/client_overview.hpp"

#include "core/http/json.hpp"
#include "modules/bookings/bookings_json.hpp"
#include "modules/contracts/contracts_json.hpp"
#include "modules/projects/projects_json.hpp"
#include "modules/users/users_json.hpp"

#include "core/util/uuid.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <exception>

namespace declic::app {

namespace asio = boost::asio;
namespace json = boost::json;
namespace http = core::http;
using http::problem;

namespace {

class ClientOverview {
 public:
  explicit ClientOverview(const Modules& modules) : modules_(modules) {}

  http::Reply get(http::Request& req) {
    const auto& me = *req.principal;
    const std::string id(req.param("id"));
    if (!core::is_uuid(id)) co_return problem(core::Error::not_found("user"));
    bookings::BookingQuery booking_query;
    booking_query.client_id = id;
    booking_query.newest_first = true;  // upcoming and recent sessions, not the oldest ones
    projects::ProjectQuery project_query;
    project_query.client_id = id;
    contracts::ContractQuery contract_query;
    contract_query.client_id = id;
    // Each read stays its module's; sent at once, they cost one round trip of waiting.
    const auto ex = co_await asio::this_coro::executor;
    auto reads =
        co_await asio::experimental::make_parallel_group(
            asio::co_spawn(ex, modules_.users.get(me, id), asio::deferred),
            asio::co_spawn(ex, modules_.bookings.list(me, booking_query), asio::deferred),
            asio::co_spawn(ex, modules_.projects.list(me, project_query), asio::deferred),
            asio::co_spawn(ex, modules_.contracts.list(me, contract_query), asio::deferred))
            .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
    for (const auto& failed :
         {std::get<1>(reads), std::get<3>(reads), std::get<5>(reads), std::get<7>(reads)})
      if (failed) std::rethrow_exception(failed);
    auto& user = std::get<2>(reads);
    auto& booked = std::get<4>(reads);
    auto& followed = std::get<6>(reads);
    auto& agreed = std::get<8>(reads);
    if (!user) co_return problem(user.error());  // first: what a stranger may learn
    if (!booked) co_return problem(booked.error());
    if (!followed) co_return problem(followed.error());
    if (!agreed) co_return problem(agreed.error());

    json::array bookings, projects, contracts;
    for (const auto& b : booked->items) bookings.push_back(bookings::booking_json(b, me));
    for (const auto& p : followed->items) projects.push_back(projects::project_json(p, me));
    for (const auto& c : agreed->items)
      contracts.push_back(contracts::contract_json(c, false, modules_.contracts.pdf_url(c)));
    const json::object body{{"user", users::user_json(*user, me.is_staff())},
                            {"bookings", std::move(bookings)},
                            {"projects", std::move(projects)},
                            {"contracts", std::move(contracts)}};
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
