// Weekly hours and blocked periods, and the calendar lock they take.
// Through the real server, on the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {
class Availability : public Studio {};
}  // namespace

TEST_F(Availability, WeeklyHoursAreStaffOnly) {
  EXPECT_EQ(api->get("/api/availability/weekly").status(), 401);
  EXPECT_EQ(api->get("/api/availability/weekly", owner.token).status(), 403);
  auto mine = api->get("/api/availability/weekly", pro.token);
  ASSERT_EQ(mine.status(), 200) << mine.http.body;
  ASSERT_EQ(mine.json.as_array().size(), 7u);
  EXPECT_EQ(mine.json.as_array()[0].at("start").as_string(), "09:00");
  auto theirs = api->get("/api/availability/weekly?professionalId=" + pro.id, admin.token);
  EXPECT_EQ(theirs.http.body, mine.http.body);
  EXPECT_EQ(api->call("PUT", "/api/availability/weekly", "[]", other.token).status(), 403);

  // The admin's own hours: several ranges a day, in any order, and midnight as an end.
  auto set = api->call(
      "PUT", "/api/availability/weekly",
      R"([{"weekday":2,"start":"14:00","end":"24:00"},{"weekday":2,"start":"08:30","end":"12:00"}])",
      admin.token);
  ASSERT_EQ(set.status(), 200) << set.http.body;
  EXPECT_EQ(set.json.as_array()[0].at("start").as_string(), "08:30");
  EXPECT_EQ(set.json.as_array()[1].at("end").as_string(), "24:00");

  const auto put = [](const std::string& body) {
    return api->call("PUT", "/api/availability/weekly", body, admin.token);
  };
  expect_problem(
      put(R"([{"weekday":1,"start":"09:00","end":"12:00"},{"weekday":1,"start":"11:00","end":"13:00"}])"),
      422);
  // The error names the range by its place in the array sent, not after sorting.
  auto unsorted = put(
      R"([{"weekday":1,"start":"11:00","end":"13:00"},{"weekday":2,"start":"09:00","end":"10:00"},{"weekday":1,"start":"09:00","end":"12:00"}])");
  expect_problem(unsorted, 422);
  EXPECT_EQ(first_error_field(unsorted), "[0]") << unsorted.http.body;
  expect_problem(put(R"([{"weekday":8,"start":"09:00","end":"12:00"}])"), 422);
  expect_problem(put(R"([{"weekday":1,"start":"25:00","end":"26:00"}])"), 422);
  expect_problem(put(R"([{"weekday":1,"start":"12:00","end":"09:00"}])"), 422);
  expect_problem(put(R"([{"weekday":"1","start":"09:00","end":"12:00"}])"), 400);
  expect_problem(put(R"([42])"), 400);
  expect_problem(put(R"({"weekday":1})"), 400);
  expect_problem(put("[{"), 400);
  expect_problem(
      api->call("PUT", "/api/availability/weekly?professionalId=" + owner.id, "[]", admin.token),
      422);
  expect_problem(api->get("/api/availability/weekly?professionalId=nope", admin.token), 422);
}

TEST_F(Availability, BlocksRemoveSlots) {
  const int day = fresh_day();
  ASSERT_TRUE(has(slot_starts(portrait, day), at(day, 10)));
  const json::object block{{"start", at(day, 10)}, {"end", at(day, 12)}, {"reason", "Dentiste"}};
  EXPECT_EQ(api->post("/api/availability/blocks", block).status(), 401);
  EXPECT_EQ(api->post("/api/availability/blocks", block, owner.token).status(), 403);
  auto added = api->post("/api/availability/blocks", block, pro.token);
  ASSERT_EQ(added.status(), 201) << added.http.body;
  const auto id = added.str("id");
  auto slots = slot_starts(portrait, day);
  EXPECT_TRUE(has(slots, at(day, 9)));  // ends as the block begins
  EXPECT_FALSE(has(slots, at(day, 9, 15)));
  EXPECT_FALSE(has(slots, at(day, 11, 45)));
  EXPECT_TRUE(has(slots, at(day, 12)));
  expect_problem(book(owner, portrait, at(day, 10, 30)), 409, "slot_unavailable");

  auto list = api->get("/api/availability/blocks", pro.token);
  ASSERT_EQ(list.status(), 200);
  bool found = false;
  for (const auto& b : list.obj().at("items").as_array())
    found = found || b.at("id").as_string() == id;
  EXPECT_TRUE(found);
  EXPECT_EQ(api->get("/api/availability/blocks", other.token).status(), 403);

  expect_problem(api->post("/api/availability/blocks",
                           {{"start", at(day, 12)}, {"end", at(day, 10)}}, pro.token),
                 422);
  expect_problem(api->post("/api/availability/blocks",
                           {{"start", "tomorrow"}, {"end", at(day, 10)}}, pro.token),
                 422);
  expect_problem(
      api->post("/api/availability/blocks", {{"start", 5}, {"end", at(day, 10)}}, pro.token), 400);
  expect_problem(
      api->post("/api/availability/blocks",
                {{"start", at(day, 10)}, {"end", at(day, 11)}, {"reason", std::string(600, 'r')}},
                pro.token),
      422);
  EXPECT_EQ(api->call("DELETE", "/api/availability/blocks/" + id, "", owner.token).status(), 403);
  EXPECT_EQ(api->call("DELETE", "/api/availability/blocks/" + id).status(), 401);
  EXPECT_EQ(api->call("DELETE", "/api/availability/blocks/" + id, "", admin.token).status(), 204);
  expect_problem(api->call("DELETE", "/api/availability/blocks/" + id, "", admin.token), 404);
  expect_problem(api->call("DELETE", "/api/availability/blocks/nope", "", admin.token), 404);
  EXPECT_TRUE(has(slot_starts(portrait, day), at(day, 10, 30)));
}

// Replacing weekly hours takes the same lock: a concurrent change to the professional's
// calendar is never half-overwritten (no leftover or duplicate ranges).
TEST_F(Availability, WeeklyHoursReplacementWaitsForTheCalendarLock) {
  std::thread other_change([&] {
    psql(database->url(),
         "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('" + pro.id +
             "', 0));"
             " INSERT INTO working_hours (professional_id, weekday, start_minute, end_minute)"
             " VALUES ('" +
             pro.id + "', 3, 420, 480); SELECT pg_sleep(1.5); COMMIT;");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  json::array week;
  for (int d = 1; d <= 7; ++d)
    week.push_back({{"weekday", d}, {"start", "09:00"}, {"end", "18:00"}});
  auto put = api->call("PUT", "/api/availability/weekly", json::serialize(week), pro.token);
  other_change.join();
  ASSERT_EQ(put.status(), 200) << put.http.body;
  auto now = api->get("/api/availability/weekly", pro.token);
  ASSERT_EQ(now.status(), 200);
  EXPECT_EQ(now.json.as_array().size(), 7u) << now.http.body;  // the 07:00 range replaced too
}
