// Projects: the status flow, its timeline, and a cancelled project freeing its booking.
// Through the real server, on the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

using namespace declic::test;
namespace json = boost::json;

namespace {
class Projects : public Studio {};
}  // namespace

TEST_F(Projects, ProjectsMoveInOrderWithATimeline) {
  const int day = fresh_day();
  const auto booking = booked(owner, at(day, 16));
  auto confirmed = act(booking, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  const auto id = std::string(confirmed.obj().at("projectId").as_string());
  const auto path = "/api/projects/" + id;

  EXPECT_EQ(api->get(path).status(), 401);
  expect_problem(api->get(path, other.token), 404);
  auto seen = api->get(path, owner.token);
  ASSERT_EQ(seen.status(), 200) << seen.http.body;
  EXPECT_EQ(seen.str("status"), "CONFIRMED");
  EXPECT_EQ(seen.obj().at("booking").at("id").as_string(), booking);
  EXPECT_EQ(seen.obj().at("client").at("id").as_string(), owner.id);
  EXPECT_EQ(seen.obj().at("service").at("id").as_string(), portrait);
  EXPECT_TRUE(seen.obj().at("dueDate").is_null());
  ASSERT_EQ(seen.obj().at("timeline").as_array().size(), 1u);
  EXPECT_EQ(api->get(path, pro.token).status(), 200);
  EXPECT_EQ(api->get(path, admin.token).status(), 200);

  EXPECT_EQ(api->patch(path, {{"status", "SHOT"}}).status(), 401);
  EXPECT_EQ(api->patch(path, {{"status", "SHOT"}}, owner.token).status(), 403);
  EXPECT_EQ(api->patch(path, {{"status", "SHOT"}}, other.token).status(), 403);
  auto shot = api->patch(
      path, {{"status", "SHOT"}, {"note", "120 photos"}, {"dueDate", "2030-01-15"}}, pro.token);
  ASSERT_EQ(shot.status(), 200) << shot.http.body;
  EXPECT_EQ(shot.str("status"), "SHOT");
  EXPECT_EQ(shot.str("dueDate"), "2030-01-15");
  const auto& timeline = shot.obj().at("timeline").as_array();
  ASSERT_EQ(timeline.size(), 2u);
  EXPECT_EQ(timeline[1].at("status").as_string(), "SHOT");
  EXPECT_EQ(timeline[1].at("note").as_string(), "120 photos");
  EXPECT_EQ(timeline[1].at("by").as_string(), pro.id);

  expect_problem(api->patch(path, {{"status", "DELIVERED"}}, pro.token), 409, "invalid_transition");
  expect_problem(api->patch(path, {{"status", "CONFIRMED"}}, pro.token), 409, "invalid_transition");
  expect_problem(api->patch(path, {{"status", "DELIVERED"}, {"force", true}}, pro.token), 403);
  auto forced = api->patch(path, {{"status", "DELIVERED"}, {"force", true}}, admin.token);
  ASSERT_EQ(forced.status(), 200) << forced.http.body;
  EXPECT_EQ(forced.str("status"), "DELIVERED");
  auto note_only = api->patch(path, {{"note", "Galerie envoyée"}, {"dueDate", nullptr}}, pro.token);
  ASSERT_EQ(note_only.status(), 200);
  EXPECT_EQ(note_only.str("status"), "DELIVERED");
  EXPECT_TRUE(note_only.obj().at("dueDate").is_null());
  EXPECT_EQ(note_only.obj().at("timeline").as_array().size(), 4u);
  ASSERT_EQ(api->patch(path, {{"status", "CLOSED"}}, pro.token).status(), 200);
  expect_problem(api->patch(path, {{"status", "CANCELLED"}}, pro.token), 409, "invalid_transition");

  expect_problem(api->patch(path, {{"status", "ARCHIVED"}}, admin.token), 422);
  expect_problem(api->patch(path, {{"dueDate", "2030-02-30"}}, admin.token), 422);
  expect_problem(api->patch(path, {{"status", 3}}, admin.token), 400);
  expect_problem(api->patch(path, {{"force", "yes"}}, admin.token), 400);
  expect_problem(api->patch(path, {{"note", std::string(2500, 'n')}}, admin.token), 422);
  expect_problem(api->patch("/api/projects/nope", {{"note", "x"}}, admin.token), 404);

  const auto listed = [&](const StudioAccount& who) {
    auto r = api->get("/api/projects", who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    for (const auto& p : r.obj().at("items").as_array())
      if (p.at("id").as_string() == id) return true;
    return false;
  };
  EXPECT_TRUE(listed(owner));
  EXPECT_FALSE(listed(other));
  EXPECT_TRUE(listed(pro));
  EXPECT_EQ(api->get("/api/projects").status(), 401);
  expect_problem(api->get("/api/projects?status=NOPE", admin.token), 422);
}

TEST_F(Projects, ProjectsGoOneStepAtATime) {
  const int day = fresh_day();
  auto confirmed = act(booked(owner, at(day, 9)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  const auto path = "/api/projects/" + std::string(confirmed.obj().at("projectId").as_string());
  for (const auto* status : {"SHOT", "EDITING", "DELIVERED", "CLOSED"}) {
    auto r = api->patch(path, {{"status", status}}, pro.token);
    ASSERT_EQ(r.status(), 200) << status << r.http.body;
  }
  auto done = api->get(path, owner.token);
  EXPECT_EQ(done.obj().at("timeline").as_array().size(), 5u);
  // An administrator may reopen a closed project.
  EXPECT_EQ(api->patch(path, {{"status", "EDITING"}, {"force", true}}, admin.token).status(), 200);
}

TEST_F(Projects, CancellingAProjectCancelsItsBooking) {
  const int day = fresh_day();
  auto confirmed = act(booked(owner, at(day, 10)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  const auto booking = std::string(confirmed.obj().at("booking").at("id").as_string());
  const auto path = "/api/projects/" + std::string(confirmed.obj().at("projectId").as_string());
  ASSERT_FALSE(has(slot_starts(portrait, day), at(day, 10)));
  auto cancelled =
      api->patch(path, {{"status", "CANCELLED"}, {"note", "Client moved away"}}, pro.token);
  ASSERT_EQ(cancelled.status(), 200) << cancelled.http.body;
  EXPECT_EQ(cancelled.str("status"), "CANCELLED");
  EXPECT_EQ(cancelled.obj().at("booking").at("status").as_string(), "CANCELLED");
  auto seen = api->get("/api/bookings/" + booking, owner.token);
  EXPECT_EQ(seen.str("status"), "CANCELLED");
  EXPECT_EQ(seen.str("statusReason"), "Client moved away");
  EXPECT_TRUE(has(slot_starts(portrait, day), at(day, 10)));  // the slot is free again
  EXPECT_TRUE(mailed(owner.email, "This booking is cancelled"));
  // Its booking is gone: even an administrator cannot bring the project back.
  expect_problem(api->patch(path, {{"status", "CONFIRMED"}, {"force", true}}, admin.token), 409,
                 "invalid_transition");
  // Someone else may book the freed time.
  EXPECT_EQ(book(other, portrait, at(day, 10)).status(), 201);
}

// A project says where its caller may move it: staff the regular path, a client nowhere.
TEST_F(Projects, NextStatusesAreWhereTheCallerMayMoveIt) {
  const int day = fresh_day();
  const auto id = booked(owner, at(day, 10));
  auto confirmed = act(id, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  const auto path = "/api/projects/" + confirmed.str("projectId");
  auto next = [&](const StudioAccount& who) {
    const auto project = api->get(path, who.token);
    std::vector<std::string> out;
    for (const auto& s : project.obj().at("nextStatuses").as_array())
      out.emplace_back(s.as_string());
    return out;
  };
  using Statuses = std::vector<std::string>;
  EXPECT_EQ(next(pro), (Statuses{"SHOT", "CANCELLED"}));
  EXPECT_EQ(next(owner), Statuses{});
  auto moved = api->patch(path, {{"status", "SHOT"}}, pro.token);
  ASSERT_EQ(moved.status(), 200);
  EXPECT_EQ(moved.obj().at("nextStatuses").as_array().size(), 2u);  // EDITING, CANCELLED
  EXPECT_EQ(next(admin), (Statuses{"EDITING", "CANCELLED"}));
  // What is not offered is refused (without an ADMIN's force).
  expect_problem(api->patch(path, {{"status", "CLOSED"}}, pro.token), 409, "invalid_transition");
  auto listed = api->get("/api/projects", pro.token);
  ASSERT_EQ(listed.status(), 200);
  for (const auto& p : listed.obj().at("items").as_array())
    EXPECT_TRUE(p.as_object().contains("nextStatuses"));
}

// The project page is one statement now (the project joined with its timeline); it must
// answer what the project row and the timeline read separately answered.
TEST_F(Projects, TheProjectPageInOneQueryAnswersWhatItsTwoReadsDid) {
  const auto booking = booked(owner, at(fresh_day(), 10));
  auto confirmed = act(booking, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  const auto id = std::string(confirmed.obj().at("projectId").as_string());
  const auto path = "/api/projects/" + id;
  ASSERT_EQ(
      api->patch(path, {{"status", "SHOT"}, {"note", "<b>120</b> \"photos\" \\ é"}}, pro.token)
          .status(),
      200);
  ASSERT_EQ(
      api->patch(path, {{"note", "retouches"}, {"dueDate", "2030-03-01"}}, admin.token).status(),
      200);
  one("INSERT INTO project_events (project_id, status, note) VALUES ('" + id +
      "', 'SHOT', NULL)");  // written by no one (a system step)

  auto page = api->get(path, owner.token);
  ASSERT_EQ(page.status(), 200) << page.http.body;
  auto project = page.obj();
  const auto timeline = project.at("timeline");
  EXPECT_EQ(timeline.as_array().size(), 4u);

  // The timeline as the separate read gave it, serialized by PostgreSQL.
  const auto separate = json::parse(one(
      "SELECT json_agg(json_build_object('status', e.status, 'at', rfc3339(e.at), 'note', e.note,"
      " 'by', e.by_user, 'byName', u.first_name || ' ' || u.last_name) ORDER BY e.id)"
      " FROM project_events e LEFT JOIN users u ON u.id = e.by_user"
      " WHERE e.project_id = '" +
      id + "'"));
  EXPECT_EQ(timeline, separate);

  // The rest as the list (the project row alone) gives it.
  auto listed = api->get("/api/projects", owner.token);
  ASSERT_EQ(listed.status(), 200);
  json::object row;
  for (const auto& p : listed.obj().at("items").as_array())
    if (p.at("id").as_string() == id) row = p.as_object();
  ASSERT_FALSE(row.empty());
  project.erase("timeline");
  row.erase("timeline");
  EXPECT_EQ(json::value(project), json::value(row));
}
