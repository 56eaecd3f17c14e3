// Calendars outside Déclic: a session's .ics for its client (and staff), and each
// professional's private feed. Every file is read back by python3-icalendar, as a calendar
// application would import it, and its times checked in the studio's zone.
#include "studio_fixture.hpp"

namespace declic::test {
namespace {

constexpr std::string_view kFeedPath = "/api/calendar-feeds/";

class Calendar : public Studio {
 protected:
  static void SetUpTestSuite() {
    Studio::SetUpTestSuite();
    auto legal = api->call(
        "PUT", "/api/settings",
        R"({"studioName":"Atelier Lumière","legalAddress":"12 rue des Lilas, 75011 Paris"})",
        admin.token);
    EXPECT_EQ(legal.status(), 200) << legal.http.body;
  }

  static std::string text(const json::value& v, const char* key) {
    return std::string(v.at(key).as_string());
  }
  // Every content line ends in CRLF and holds 75 octets at most (RFC 5545 §3.1).
  static void expect_folded(const std::string& ics) {
    std::size_t at = 0;
    while (at < ics.size()) {
      const auto end = ics.find("\r\n", at);
      ASSERT_NE(end, std::string::npos) << "a line without CRLF at " << at;
      EXPECT_LE(end - at, 75u) << ics.substr(at, end - at);
      at = end + 2;
    }
  }
  static std::string feed_path(const std::string& url) {
    const auto at = url.find(kFeedPath);
    return at == std::string::npos ? "" : url.substr(at);
  }
  static ApiResponse new_feed(const StudioAccount& who) {
    return api->call("POST", "/api/calendar-feed", "", who.token);
  }
};

TEST_F(Calendar, AClientAddsTheirSessionToTheirCalendarAtTheRightLocalTime) {
  const int day = day_after_clock_change();
  ASSERT_GT(day, 0);
  const auto id = booked(owner, at(day, 9, 30));
  ASSERT_FALSE(id.empty());

  auto file = api->get("/api/bookings/" + id + "/ics", owner.token);
  ASSERT_EQ(file.status(), 200) << file.http.body;
  EXPECT_EQ(file.http.header("content-type"), "text/calendar; charset=utf-8");
  // The owner reads English: the file is named for them, after the session's local day.
  EXPECT_NE(file.http.header("content-disposition").find("session-" + day_text(day) + ".ics"),
            std::string::npos)
      << file.http.header("content-disposition");
  expect_folded(file.http.body);
  auto cal = imported(file.http.body);
  EXPECT_EQ(text(cal, "name"), "Atelier Lumière");
  ASSERT_EQ(cal.at("events").as_array().size(), 1u);
  auto event = cal.at("events").as_array()[0];
  EXPECT_EQ(text(event, "start"), day_text(day) + "T09:30");
  EXPECT_EQ(text(event, "end"), day_text(day) + "T10:30");
  EXPECT_EQ(text(event, "status"), "TENTATIVE");
  EXPECT_EQ(text(event, "summary"), "Portrait — Atelier Lumière");
  EXPECT_EQ(text(event, "location"), "12 rue des Lilas, 75011 Paris");
  EXPECT_EQ(text(event, "url"), "http://declic.test/client/bookings");
  EXPECT_NE(text(event, "description").find("Your “Portrait” session with Atelier Lumière."),
            std::string::npos);

  // Confirmed, the same event (same UID, so calendars update it) links to the project.
  auto confirmed = act(id, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  const auto project = confirmed.str("projectId");
  auto again = imported(api->get("/api/bookings/" + id + "/ics", owner.token).http.body);
  auto updated = again.at("events").as_array()[0];
  EXPECT_EQ(text(updated, "uid"), text(event, "uid"));
  EXPECT_EQ(text(updated, "status"), "CONFIRMED");
  EXPECT_EQ(text(updated, "url"), "http://declic.test/client/projects/" + project);

  // Staff get it too; another client, nobody signed in, or a bad id do not.
  EXPECT_EQ(api->get("/api/bookings/" + id + "/ics", pro.token).status(), 200);
  expect_problem(api->get("/api/bookings/" + id + "/ics", other.token), 404, "not_found");
  expect_problem(api->get("/api/bookings/" + id + "/ics"), 401);
  EXPECT_EQ(api->get("/api/bookings/not-an-id/ics", owner.token).status(), 404);
}

TEST_F(Calendar, AProfessionalSubscribesToTheirPrivateFeed) {
  const int day = fresh_day();
  auto none = api->get("/api/calendar-feed", pro.token);
  ASSERT_EQ(none.status(), 200) << none.http.body;
  EXPECT_EQ(none.http.body, R"({"active":false,"createdAt":null})");
  expect_problem(api->get("/api/calendar-feed", owner.token), 403);
  expect_problem(new_feed(owner), 403);

  auto made = new_feed(pro);
  ASSERT_EQ(made.status(), 201) << made.http.body;
  const auto url = made.str("url");
  EXPECT_TRUE(url.starts_with("http://declic.test/api/calendar-feeds/")) << url;
  EXPECT_TRUE(url.ends_with(".ics")) << url;
  auto state = api->get("/api/calendar-feed", pro.token);
  EXPECT_EQ(state.obj().at("active").as_bool(), true);
  EXPECT_EQ(state.str("createdAt"), made.str("createdAt"));

  // A request waiting for an answer, a confirmed session and a cancelled one.
  const auto waiting = booked(owner, at(day, 9));
  const auto confirmed = booked(other, at(day, 11));
  const auto cancelled = booked(owner, at(day, 14));
  ASSERT_EQ(act(confirmed, "confirm", pro).status(), 200);
  ASSERT_EQ(act(cancelled, "cancel", owner).status(), 200);
  const auto booking_notes = api->call(
      "POST", "/api/bookings",
      json::serialize(json::object{
          {"serviceId", portrait}, {"start", at(day, 16)}, {"notes", "Bring the dog; \\o/"}}),
      other.token);
  ASSERT_EQ(booking_notes.status(), 201) << booking_notes.http.body;

  // Calendar applications hold only the address: no sign-in.
  auto feed = api->get(feed_path(url));
  ASSERT_EQ(feed.status(), 200) << feed.http.body;
  EXPECT_EQ(feed.http.header("content-type"), "text/calendar; charset=utf-8");
  expect_folded(feed.http.body);
  auto cal = imported(feed.http.body);
  std::map<std::string, json::object> by_start;
  for (const auto& e : cal.at("events").as_array()) by_start[text(e, "start")] = e.as_object();
  const auto d = day_text(day);
  ASSERT_EQ(by_start.size(), 3u) << feed.http.body;  // not the cancelled one
  EXPECT_EQ(text(by_start[d + "T09:00"], "summary"), "Portrait — Zoé Client (à confirmer)");
  EXPECT_EQ(text(by_start[d + "T09:00"], "status"), "TENTATIVE");
  EXPECT_EQ(text(by_start[d + "T11:00"], "status"), "CONFIRMED");
  EXPECT_EQ(text(by_start[d + "T11:00"], "end"), d + "T12:00");
  EXPECT_NE(text(by_start[d + "T16:00"], "description").find("Bring the dog; \\o/"),
            std::string::npos);
  EXPECT_NE(text(by_start[d + "T16:00"], "description").find("other@client.test"),
            std::string::npos);

  // The address works without ".ics" too; the admin, who has no sessions, has an empty one.
  EXPECT_EQ(api->get(feed_path(url).substr(0, feed_path(url).size() - 4)).status(), 200);
  auto admin_feed = new_feed(admin);
  ASSERT_EQ(admin_feed.status(), 201);
  EXPECT_TRUE(imported(api->get(feed_path(admin_feed.str("url"))).http.body)
                  .at("events")
                  .as_array()
                  .empty());

  // A new address revokes the old one at once; so does deleting it.
  auto renewed = new_feed(pro);
  ASSERT_EQ(renewed.status(), 201);
  expect_problem(api->get(feed_path(url)), 404, "not_found");
  EXPECT_EQ(api->get(feed_path(renewed.str("url"))).status(), 200);
  EXPECT_EQ(api->call("DELETE", "/api/calendar-feed", "", pro.token).status(), 204);
  expect_problem(api->get(feed_path(renewed.str("url"))), 404, "not_found");
  EXPECT_EQ(api->get("/api/calendar-feed", pro.token).http.body,
            R"({"active":false,"createdAt":null})");
  for (const auto* junk : {"x", "x.ics", "%00", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    expect_problem(api->get(std::string(kFeedPath) + junk), 404);
}

TEST_F(Calendar, ADisabledProfessionalsFeedStopsServing) {
  auto made = new_feed(pro);
  ASSERT_EQ(made.status(), 201) << made.http.body;
  const auto path = feed_path(made.str("url"));
  ASSERT_EQ(api->get(path).status(), 200);
  auto disabled = api->call("PATCH", "/api/users/" + pro.id, R"({"disabled":true})", admin.token);
  ASSERT_EQ(disabled.status(), 200) << disabled.http.body;
  expect_problem(api->get(path), 404, "not_found");
  ASSERT_EQ(
      api->call("PATCH", "/api/users/" + pro.id, R"({"disabled":false})", admin.token).status(),
      200);
  EXPECT_EQ(api->get(path).status(), 200) << "re-enabled, the same address serves again";
}

}  // namespace
}  // namespace declic::test
