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

TEST_F(Settings, ThePublicPageShowsWhatTheStudioGives) {
  auto empty = api->get("/api/studio");
  ASSERT_EQ(empty.status(), 200);
  for (const auto* field :
       {"presentation", "contactEmail", "contactPhone", "address", "accentColor"})
    EXPECT_TRUE(empty.obj().at(field).is_null()) << field;

  const json::object page{{"presentation", "Portraits et familles, à Lyon depuis 2012."},
                          {"contactEmail", " Bonjour@Atelier.FR "},
                          {"contactPhone", "+33 4 72 00 00 00"},
                          {"address", "3 place Bellecour, 69002 Lyon"},
                          {"accentColor", "#B4235A"}};
  auto saved = api->call("PUT", "/api/settings", json::serialize(page), admin.token);
  ASSERT_EQ(saved.status(), 200) << saved.http.body;
  EXPECT_EQ(saved.str("contactEmail"), "bonjour@atelier.fr");
  EXPECT_EQ(saved.str("accentColor"), "#b4235a");

  // Public: a prospect reads it without an account.
  auto studio = api->get("/api/studio");
  EXPECT_EQ(studio.str("presentation"), "Portraits et familles, à Lyon depuis 2012.");
  EXPECT_EQ(studio.str("contactEmail"), "bonjour@atelier.fr");
  EXPECT_EQ(studio.str("contactPhone"), "+33 4 72 00 00 00");
  EXPECT_EQ(studio.str("address"), "3 place Bellecour, 69002 Lyon");
  EXPECT_EQ(studio.str("accentColor"), "#b4235a");

  for (const auto* bad : {R"({"accentColor":"red"})", R"({"accentColor":"#12345g"})",
                          R"({"accentColor":"#fff"})", R"({"contactEmail":"not an address"})"}) {
    auto refused = api->call("PUT", "/api/settings", bad, admin.token);
    expect_problem(refused, 422);
  }
  expect_problem(api->call("PUT", "/api/settings", R"({"presentation":42})", admin.token), 400);
  expect_problem(api->call("PUT", "/api/settings",
                           json::serialize(json::object{{"presentation", std::string(2001, 'a')}}),
                           admin.token),
                 422);
  EXPECT_EQ(api->get("/api/studio").str("accentColor"), "#b4235a") << "a refusal changes nothing";

  // Cleared with null or "", one field at a time.
  auto cleared =
      api->call("PUT", "/api/settings", R"({"accentColor":null,"address":""})", admin.token);
  ASSERT_EQ(cleared.status(), 200) << cleared.http.body;
  EXPECT_TRUE(cleared.obj().at("accentColor").is_null());
  EXPECT_TRUE(cleared.obj().at("address").is_null());
  EXPECT_EQ(cleared.str("contactPhone"), "+33 4 72 00 00 00");
}
