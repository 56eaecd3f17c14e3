// GET /api/users/{id}/overview: a client's bookings and projects on one page.
// Through the real server, on the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {
class ClientOverview : public Studio {};
}  // namespace

TEST_F(ClientOverview, ClientOverviewListsBookingsAndProjects) {
  const int day = fresh_day();
  const auto pending = booked(owner, at(day, 9));
  auto confirmed = act(booked(owner, at(day, 11)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  booked(other, at(day, 14));
  const auto ids = [](const json::value& items) {
    std::vector<std::string> out;
    for (const auto& i : items.as_array()) out.emplace_back(i.at("id").as_string());
    return out;
  };
  for (const auto* who : {&pro, &owner}) {
    auto r = api->get("/api/users/" + owner.id + "/overview", who->token);
    ASSERT_EQ(r.status(), 200) << r.http.body;
    EXPECT_EQ(ids(r.obj().at("bookings")).size(), 2u);  // not the other client's
    EXPECT_TRUE(has(ids(r.obj().at("bookings")), pending));
    // Latest start first: a long-standing client's upcoming sessions are never cut off.
    EXPECT_EQ(ids(r.obj().at("bookings")).back(), pending);
    EXPECT_EQ(ids(r.obj().at("projects")),
              std::vector<std::string>{std::string(confirmed.obj().at("projectId").as_string())});
  }
  expect_problem(api->get("/api/users/" + owner.id + "/overview", other.token), 404);
  EXPECT_EQ(api->get("/api/users/" + owner.id + "/overview").status(), 401);
}
