// The audit trail of the booking workflow: ADMIN only, filtered and paged.
// Through the real server, on the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {
class Audit : public Studio {};
}  // namespace

TEST_F(Audit, AuditTrailIsForTheAdministrator) {
  const int day = fresh_day();
  const auto id = booked(owner, at(day, 9));
  ASSERT_EQ(act(id, "confirm", pro).status(), 200);
  EXPECT_EQ(api->get("/api/audit").status(), 401);
  EXPECT_EQ(api->get("/api/audit", owner.token).status(), 403);
  EXPECT_EQ(api->get("/api/audit", pro.token).status(), 403);
  auto confirmed = api->get("/api/audit?action=booking.confirm&actor=" + pro.id, admin.token);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  const auto& items = confirmed.obj().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("targetId").as_string(), id);
  EXPECT_EQ(items[0].at("actorEmail").as_string(), pro.email);
  EXPECT_EQ(api->get("/api/audit?action=booking.confirm&actor=" + owner.id, admin.token)
                .obj()
                .at("items")
                .as_array()
                .size(),
            0u);
  EXPECT_EQ(api->get("/api/audit?to=2000-01-01", admin.token).obj().at("items").as_array().size(),
            0u);
  EXPECT_GE(
      api->get("/api/audit?from=" + day_text(0), admin.token).obj().at("items").as_array().size(),
      3u);
  // Pages of two, newest first, never the same event twice.
  auto first = api->get("/api/audit?limit=2", admin.token);
  ASSERT_TRUE(first.obj().at("nextCursor").is_string()) << first.http.body;
  auto second =
      api->get("/api/audit?limit=2&cursor=" + std::string(first.obj().at("nextCursor").as_string()),
               admin.token);
  ASSERT_EQ(second.status(), 200);
  EXPECT_LT(second.obj().at("items").as_array()[0].at("id").as_int64(),
            first.obj().at("items").as_array()[1].at("id").as_int64());
  expect_problem(api->get("/api/audit?actor=x", admin.token), 422);
  expect_problem(api->get("/api/audit?from=yesterday", admin.token), 422);
  expect_problem(api->get("/api/audit?limit=-3", admin.token), 422);
  expect_problem(api->get("/api/audit?cursor=abc", admin.token), 422);
}
