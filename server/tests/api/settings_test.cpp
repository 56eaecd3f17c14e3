// The studio settings: ADMIN only, validated.
// Through the real server, on the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {
class Settings : public Studio {};
}  // namespace

TEST_F(Settings, SettingsAreForTheAdministrator) {
  EXPECT_EQ(api->get("/api/settings").status(), 401);
  EXPECT_EQ(api->get("/api/settings", owner.token).status(), 403);
  EXPECT_EQ(api->get("/api/settings", pro.token).status(), 403);
  auto read = api->get("/api/settings", admin.token);
  ASSERT_EQ(read.status(), 200) << read.http.body;
  EXPECT_EQ(read.str("timeZone"), "Europe/Paris");
  EXPECT_EQ(read.obj().at("slotStepMinutes").as_int64(), 15);
  EXPECT_EQ(api->call("PUT", "/api/settings", R"({"studioName":"X"})", pro.token).status(), 403);

  auto renamed =
      api->call("PUT", "/api/settings", R"({"studioName":"Studio Lumière"})", admin.token);
  ASSERT_EQ(renamed.status(), 200) << renamed.http.body;
  EXPECT_EQ(renamed.str("studioName"), "Studio Lumière");
  EXPECT_EQ(api->get("/api/studio").str("name"), "Studio Lumière");

  auto zone = api->call("PUT", "/api/settings", R"({"timeZone":"Europe/Atlantis"})", admin.token);
  expect_problem(zone, 422);
  EXPECT_EQ(first_error_field(zone), "timeZone");
  expect_problem(api->call("PUT", "/api/settings", R"({"slotStepMinutes":7})", admin.token), 422);
  expect_problem(api->call("PUT", "/api/settings", R"({"currency":"eur"})", admin.token), 422);
  expect_problem(api->call("PUT", "/api/settings", R"({"locale":"de"})", admin.token), 422);
  expect_problem(api->call("PUT", "/api/settings", R"({"timeZone":42})", admin.token), 400);
  expect_problem(api->call("PUT", "/api/settings", R"({"studioName":)", admin.token), 400);
  EXPECT_EQ(api->get("/api/settings", admin.token).str("timeZone"), "Europe/Paris");
}
