// Free slots and bookings through the real server: the role matrix of each route, hostile
// input (always a 4xx problem+json), transitions and who may still make them, idempotent
// retries and concurrent races. On the studio of studio_fixture.hpp.
#include "studio_fixture.hpp"

#include <atomic>
#include <thread>

using namespace declic::test;
namespace json = boost::json;

namespace {
class Bookings : public Studio {};
}  // namespace

TEST_F(Bookings, SlotsFollowWorkingHoursOnTheGrid) {
  const int day = fresh_day();
  auto r = api->get("/api/services/" + portrait + "/slots?from=" + day_text(day) +
                    "&to=" + day_text(day + 1));
  ASSERT_EQ(r.status(), 200) << r.http.body;
  EXPECT_EQ(r.str("timeZone"), "Europe/Paris");
  const auto& slots = r.obj().at("slots").as_array();
  ASSERT_EQ(slots.size(), 2u * 33);  // 09:00 … 17:00 every 15 minutes, two days
  EXPECT_EQ(slots[0].at("start").as_string(), at(day, 9));
  EXPECT_EQ(slots[0].at("end").as_string(), at(day, 10));
  EXPECT_EQ(slots[32].at("start").as_string(), at(day, 17));
  EXPECT_EQ(slots[33].at("start").as_string(), at(day + 1, 9));
}

TEST_F(Bookings, SlotsRefuseBadRanges) {
  const auto slots = [](const std::string& query) {
    return api->get("/api/services/" + portrait + "/slots" + query);
  };
  expect_problem(slots(""), 422);
  expect_problem(slots("?from=" + day_text(10)), 422);
  expect_problem(slots("?from=2027-02-30&to=2027-03-01"), 422);
  expect_problem(slots("?from=tomorrow&to=" + day_text(10)), 422);
  expect_problem(slots("?from=" + day_text(10) + "&to=" + day_text(9)), 422);
  expect_problem(slots("?from=" + day_text(10) + "&to=" + day_text(72)), 422);      // 63 days
  EXPECT_EQ(slots("?from=" + day_text(10) + "&to=" + day_text(71)).status(), 200);  // 62 days
  expect_problem(api->get("/api/services/00000000-0000-0000-0000-000000000000/slots?from=" +
                          day_text(10) + "&to=" + day_text(10)),
                 404);
  // Inside the minimum notice (24 h) nothing is offered.
  auto today =
      api->get("/api/services/" + portrait + "/slots?from=" + day_text(0) + "&to=" + day_text(0));
  ASSERT_EQ(today.status(), 200);
  EXPECT_TRUE(today.obj().at("slots").as_array().empty());
}

TEST_F(Bookings, BuffersKeepBookingsApart) {
  const int day = fresh_day();
  const auto buffered = create_service("Mariage", 60, 15, 30);
  auto r = book(owner, buffered, at(day, 11));
  ASSERT_EQ(r.status(), 201) << r.http.body;
  // Busy 10:45-12:30 for this professional, whatever the service.
  const auto plain = slot_starts(portrait, day);
  EXPECT_TRUE(has(plain, at(day, 9, 45)));
  EXPECT_FALSE(has(plain, at(day, 10)));
  EXPECT_FALSE(has(plain, at(day, 12, 15)));
  EXPECT_TRUE(has(plain, at(day, 12, 30)));
  const auto own = slot_starts(buffered, day);
  EXPECT_FALSE(has(own, at(day, 12, 30)));  // its own 15 min before would touch
  EXPECT_TRUE(has(own, at(day, 12, 45)));
  expect_problem(book(other, portrait, at(day, 12)), 409, "slot_taken");
  EXPECT_EQ(book(other, portrait, at(day, 12, 30)).status(), 201);
}

TEST_F(Bookings, ClientBooksAFreeSlot) {
  const int day = fresh_day();
  auto r = book(owner, portrait, at(day, 9));
  ASSERT_EQ(r.status(), 201) << r.http.body;
  EXPECT_EQ(r.str("status"), "PENDING");
  EXPECT_EQ(r.str("start"), at(day, 9));
  EXPECT_EQ(r.str("end"), at(day, 10));
  EXPECT_EQ(r.obj().at("priceCents").as_int64(), 15000);  // copied from the service
  EXPECT_EQ(r.obj().at("depositCents").as_int64(), 5000);
  EXPECT_EQ(r.str("currency"), "EUR");
  EXPECT_EQ(r.obj().at("client").at("id").as_string(), owner.id);
  EXPECT_EQ(r.obj().at("service").at("id").as_string(), portrait);
  EXPECT_TRUE(r.obj().at("projectId").is_null());
  EXPECT_FALSE(has(slot_starts(portrait, day), at(day, 9)));
  EXPECT_FALSE(has(slot_starts(portrait, day), at(day, 9, 45)));
  EXPECT_TRUE(has(slot_starts(portrait, day), at(day, 10)));
  // The professional hears of it (outbox → .eml).
  EXPECT_TRUE(mailed(pro.email, "Portrait"));
  // A later price change leaves the booking as it was.
  ASSERT_EQ(api->patch("/api/services/" + portrait, {{"priceCents", 15000}}, pro.token).status(),
            200);
}

TEST_F(Bookings, StartsThatAreNotFreeSlotsAreConflicts) {
  const int day = fresh_day();
  booked(owner, at(day, 9));
  expect_problem(book(other, portrait, at(day, 9)), 409, "slot_taken");
  expect_problem(book(other, portrait, at(day, 9, 30)), 409, "slot_taken");         // overlaps
  expect_problem(book(other, portrait, at(day, 9, 5)), 409, "slot_unavailable");    // off the grid
  expect_problem(book(other, portrait, at(day, 20)), 409, "slot_unavailable");      // after hours
  expect_problem(book(other, portrait, at(day, 17, 30)), 409, "slot_unavailable");  // ends late
  expect_problem(book(other, portrait, at(-3, 10)), 409, "slot_too_soon");          // the past
  expect_problem(book(other, portrait, at(0, 23, 45)), 409);  // within 24 h, or after hours
  expect_problem(book(other, portrait, "2027-03-14T10:00:00.5+01:00"), 422);
}

TEST_F(Bookings, BookingRefusesBadInput) {
  const int day = fresh_day();
  const auto post = [](const std::string& body, const StudioAccount& who) {
    return api->call("POST", "/api/bookings", body, who.token);
  };
  const auto start = at(day, 10);
  EXPECT_EQ(api->call("POST", "/api/bookings",
                      R"({"serviceId":")" + portrait + R"(","start":")" + start + "\"}")
                .status(),
            401);
  auto unknown = post(
      R"({"serviceId":"00000000-0000-0000-0000-000000000000","start":")" + start + "\"}", owner);
  expect_problem(unknown, 422);
  EXPECT_EQ(first_error_field(unknown), "serviceId");
  expect_problem(post(R"({"serviceId":"nope","start":")" + start + "\"}", owner), 422);
  auto bad_start = post(R"({"serviceId":")" + portrait + R"(","start":"next tuesday"})", owner);
  expect_problem(bad_start, 422);
  EXPECT_EQ(first_error_field(bad_start), "start");
  expect_problem(
      post(R"({"serviceId":")" + portrait + R"(","start":"2027-13-01T10:00:00Z"})", owner), 422);
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":1774000000})", owner), 400);
  expect_problem(post(R"({"serviceId":["x"],"start":")" + start + "\"}", owner), 400);
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":")" + start + R"(","notes":")" +
                          std::string(3000, 'n') + "\"}",
                      owner),
                 422);
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":")" + start + R"(","notes":")" +
                          std::string(2 * 1024 * 1024, 'n') + "\"}",
                      owner),
                 413);
  expect_problem(post("{", owner), 400);
  expect_problem(post("[]", owner), 400);
  // clientId: a client books for themself only; staff must name a client.
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":")" + start +
                          R"(","clientId":")" + other.id + "\"}",
                      owner),
                 403);
  auto staff_alone = post(R"({"serviceId":")" + portrait + R"(","start":")" + start + "\"}", pro);
  expect_problem(staff_alone, 422);
  EXPECT_EQ(first_error_field(staff_alone), "clientId");
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":")" + start +
                          R"(","clientId":")" + pro.id + "\"}",
                      admin),
                 422);
  // Nothing of the above took the slot.
  auto for_client = post(R"({"serviceId":")" + portrait + R"(","start":")" + start +
                             R"(","clientId":")" + other.id + R"(","notes":"Appel d'abord"})",
                         pro);
  ASSERT_EQ(for_client.status(), 201) << for_client.http.body;
  EXPECT_EQ(for_client.obj().at("client").at("id").as_string(), other.id);
  EXPECT_EQ(for_client.str("notes"), "Appel d'abord");
  EXPECT_TRUE(mailed(other.email, "Portrait"));
}

TEST_F(Bookings, ReadingBookingsRoleMatrix) {
  const int day = fresh_day();
  const auto id = booked(owner, at(day, 14));
  EXPECT_EQ(api->get("/api/bookings/" + id).status(), 401);
  EXPECT_EQ(api->get("/api/bookings/" + id, owner.token).status(), 200);
  expect_problem(api->get("/api/bookings/" + id, other.token), 404);
  EXPECT_EQ(api->get("/api/bookings/" + id, pro.token).status(), 200);
  EXPECT_EQ(api->get("/api/bookings/" + id, admin.token).status(), 200);
  expect_problem(api->get("/api/bookings/nope", admin.token), 404);

  const auto ids = [&](const StudioAccount& who, const std::string& query) {
    auto r = api->get("/api/bookings" + query, who.token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    std::vector<std::string> out;
    if (r.status() == 200)
      for (const auto& b : r.obj().at("items").as_array()) out.emplace_back(b.at("id").as_string());
    return out;
  };
  const auto range = "?from=" + day_text(day) + "&to=" + day_text(day);
  EXPECT_TRUE(has(ids(owner, range), id));
  EXPECT_FALSE(has(ids(other, range), id));
  EXPECT_TRUE(has(ids(pro, range), id));
  EXPECT_TRUE(has(ids(admin, range + "&status=PENDING"), id));
  EXPECT_FALSE(has(ids(admin, range + "&status=CONFIRMED"), id));
  EXPECT_FALSE(has(ids(admin, "?from=" + day_text(day + 1)), id));
  EXPECT_TRUE(has(ids(admin, "?from=" + at(day, 14) + "&to=" + at(day, 15)), id));
  // Bounds as a browser writes them (Date.toISOString(): milliseconds).
  const auto ms = [](std::string t) { return t.insert(t.size() - 1, ".250"); };
  EXPECT_TRUE(has(ids(admin, "?from=" + ms(at(day, 14)) + "&to=" + ms(at(day, 15))), id));
  EXPECT_EQ(api->get("/api/bookings").status(), 401);
  expect_problem(api->get("/api/bookings?status=MAYBE", admin.token), 422);
  expect_problem(api->get("/api/bookings?from=yesterday", admin.token), 422);
  expect_problem(api->get("/api/bookings?limit=0", admin.token), 422);
  expect_problem(api->get("/api/bookings?cursor=abc", admin.token), 422);
  // Pages: limit 1 walks the bookings one by one.
  booked(other, at(day, 16));
  auto first = api->get("/api/bookings?limit=1", admin.token);
  ASSERT_EQ(first.status(), 200);
  ASSERT_TRUE(first.obj().at("nextCursor").is_string());
  auto second = api->get(
      "/api/bookings?limit=1&cursor=" + std::string(first.obj().at("nextCursor").as_string()),
      admin.token);
  ASSERT_EQ(second.status(), 200);
  EXPECT_NE(first.obj().at("items").as_array()[0].at("id"),
            second.obj().at("items").as_array()[0].at("id"));
}

TEST_F(Bookings, ConfirmCreatesTheProjectAndMailsTheClient) {
  const int day = fresh_day();
  const auto id = booked(owner, at(day, 9));
  EXPECT_EQ(act(id, "confirm", owner).status(), 403);
  EXPECT_EQ(act(id, "confirm", other).status(), 403);
  EXPECT_EQ(api->call("POST", "/api/bookings/" + id + "/confirm").status(), 401);
  auto r = act(id, "confirm", pro);
  ASSERT_EQ(r.status(), 200) << r.http.body;
  EXPECT_EQ(r.obj().at("booking").at("status").as_string(), "CONFIRMED");
  const auto project = std::string(r.obj().at("projectId").as_string());
  EXPECT_EQ(r.obj().at("booking").at("projectId").as_string(), project);
  EXPECT_TRUE(mailed(owner.email, "Your booking is confirmed"));
  expect_problem(act(id, "confirm", admin), 409, "invalid_transition");
  expect_problem(act(id, "decline", admin), 409, "invalid_transition");
  // Still busy while confirmed.
  expect_problem(book(other, portrait, at(day, 9)), 409, "slot_taken");
}

TEST_F(Bookings, DeclineAndCancelFreeTheSlot) {
  const int day = fresh_day();
  const auto declined = booked(owner, at(day, 9));
  EXPECT_EQ(act(declined, "decline", owner, R"({"reason":"x"})").status(), 403);
  auto d = act(declined, "decline", pro, R"({"reason":"Fermé ce jour-là"})");
  ASSERT_EQ(d.status(), 200) << d.http.body;
  EXPECT_EQ(d.str("status"), "DECLINED");
  EXPECT_EQ(d.str("statusReason"), "Fermé ce jour-là");
  expect_problem(act(declined, "cancel", owner), 409, "invalid_transition");
  expect_problem(act(declined, "reschedule", owner, R"({"start":")" + at(day, 11) + "\"}"), 409,
                 "invalid_transition");

  const auto cancelled = booked(other, at(day, 9));      // the declined slot is free again
  expect_problem(act(cancelled, "cancel", owner), 404);  // not theirs
  EXPECT_EQ(api->call("POST", "/api/bookings/" + cancelled + "/cancel").status(), 401);
  expect_problem(act(cancelled, "cancel", other, R"({"reason":42})"), 400);
  expect_problem(act(cancelled, "cancel", other, "{"), 400);
  auto c = act(cancelled, "cancel", other);  // no body: no reason
  ASSERT_EQ(c.status(), 200) << c.http.body;
  EXPECT_EQ(c.str("status"), "CANCELLED");
  expect_problem(act(cancelled, "cancel", other), 409, "invalid_transition");
  expect_problem(act(cancelled, "confirm", pro), 409, "invalid_transition");
  EXPECT_TRUE(has(slot_starts(portrait, day), at(day, 9)));

  // Staff cancel a confirmed booking: its project is cancelled too, with the reason.
  const auto confirmed = booked(owner, at(day, 9));
  auto conf = act(confirmed, "confirm", admin);
  ASSERT_EQ(conf.status(), 200);
  auto staff_cancel = act(confirmed, "cancel", admin, R"({"reason":"Matériel en panne"})");
  ASSERT_EQ(staff_cancel.status(), 200) << staff_cancel.http.body;
  auto project =
      api->get("/api/projects/" + std::string(conf.obj().at("projectId").as_string()), owner.token);
  ASSERT_EQ(project.status(), 200);
  EXPECT_EQ(project.str("status"), "CANCELLED");
  EXPECT_EQ(project.obj().at("timeline").as_array().back().at("note").as_string(),
            "Matériel en panne");
  EXPECT_TRUE(mailed(owner.email, "This booking is cancelled"));
}

TEST_F(Bookings, RescheduleChecksLikeCreation) {
  const int day = fresh_day();
  const auto id = booked(owner, at(day, 9));
  const auto blocker = booked(other, at(day, 11));
  const auto move = [&](const StudioAccount& who, const std::string& start) {
    return act(id, "reschedule", who, R"({"start":")" + start + "\"}");
  };
  expect_problem(move(other, at(day, 14)), 404);
  EXPECT_EQ(api->call("POST", "/api/bookings/" + id + "/reschedule",
                      R"({"start":")" + at(day, 14) + "\"}")
                .status(),
            401);
  expect_problem(move(owner, at(day, 11, 30)), 409, "slot_taken");
  expect_problem(move(owner, at(day, 14, 5)), 409, "slot_unavailable");
  expect_problem(move(owner, at(day, 19)), 409, "slot_unavailable");
  expect_problem(move(owner, at(-1, 10)), 409, "slot_too_soon");
  expect_problem(move(owner, "soon"), 422);
  expect_problem(act(id, "reschedule", owner, R"({"start":null})"), 422);
  expect_problem(act(id, "reschedule", owner, R"({"start":9})"), 400);
  // Its own current time does not stand in its way: 09:30 overlaps only itself.
  auto r = move(owner, at(day, 9, 30));
  ASSERT_EQ(r.status(), 200) << r.http.body;
  EXPECT_EQ(r.str("start"), at(day, 9, 30));
  EXPECT_EQ(r.str("end"), at(day, 10, 30));
  EXPECT_EQ(r.str("status"), "PENDING");
  auto by_staff = move(pro, at(day, 15));
  ASSERT_EQ(by_staff.status(), 200) << by_staff.http.body;
  EXPECT_TRUE(has(slot_starts(portrait, day), at(day, 9)));
  EXPECT_FALSE(has(slot_starts(portrait, day), at(day, 15)));
  EXPECT_TRUE(mailed(owner.email, "This booking has a new time"));
  (void)blocker;
}

// The agenda's resize: staff give a new end too, under the same checks as a move.
TEST_F(Bookings, StaffChangeALengthUnderTheSameChecks) {
  const int day = fresh_day();
  const auto id = booked(owner, at(day, 9));
  const auto blocker = booked(other, at(day, 12));
  const auto stretch = [&](const StudioAccount& who, const std::string& start,
                           const std::string& end) {
    return act(id, "reschedule", who, R"({"start":")" + start + R"(","end":")" + end + R"("})");
  };
  expect_problem(stretch(owner, at(day, 9), at(day, 11)), 403);
  expect_problem(stretch(pro, at(day, 9), at(day, 12, 30)), 409, "slot_taken");
  expect_problem(stretch(pro, at(day, 16), at(day, 19)), 409, "slot_unavailable");
  expect_problem(stretch(pro, at(day, 9), at(day, 9)), 422);
  expect_problem(stretch(pro, at(day, 9), at(day, 8)), 422);
  expect_problem(stretch(pro, at(day, 9), at(day + 2, 9)), 422);
  expect_problem(stretch(pro, at(day, 9), "later"), 422);
  expect_problem(act(id, "reschedule", pro, R"({"start":")" + at(day, 9) + R"(","end":7})"), 400);
  auto longer = stretch(pro, at(day, 9), at(day, 11));
  ASSERT_EQ(longer.status(), 200) << longer.http.body;
  EXPECT_EQ(longer.str("start"), at(day, 9));
  EXPECT_EQ(longer.str("end"), at(day, 11));
  EXPECT_FALSE(has(slot_starts(portrait, day), at(day, 10)));
  // A later move without an end keeps the new length.
  auto moved = act(id, "reschedule", owner, R"({"start":")" + at(day, 14) + R"("})");
  ASSERT_EQ(moved.status(), 200) << moved.http.body;
  EXPECT_EQ(moved.str("end"), at(day, 16));
  (void)blocker;
}

TEST_F(Bookings, IdempotencyKeyReplaysTheFirstAnswer) {
  const int day = fresh_day();
  const std::vector<std::string> key{"Idempotency-Key: try-" + std::to_string(day)};
  auto first = book(owner, portrait, at(day, 9), key);
  ASSERT_EQ(first.status(), 201) << first.http.body;
  auto again = book(owner, portrait, at(day, 9), key);
  EXPECT_EQ(again.status(), 201);
  EXPECT_EQ(again.http.body, first.http.body);
  auto changed = book(owner, portrait, at(day, 10), key);
  expect_problem(changed, 422);
  EXPECT_EQ(first_error_field(changed), "Idempotency-Key");
  // Keys are per user: the same key from someone else is a new request.
  expect_problem(book(other, portrait, at(day, 9), key), 409, "slot_taken");
  EXPECT_EQ(book(other, portrait, at(day, 10), key).status(), 201);
  expect_problem(book(owner, portrait, at(day, 11), {"Idempotency-Key: " + std::string(300, 'k')}),
                 422);
  // Concurrent retries of one request: one booking, the same answer for all.
  const std::vector<std::string> race_key{"Idempotency-Key: race-" + std::to_string(day)};
  std::vector<std::thread> threads;
  std::vector<ApiResponse> answers(10);
  for (int i = 0; i < 10; ++i)
    threads.emplace_back([&, i] { answers[i] = book(owner, portrait, at(day, 14), race_key); });
  for (auto& t : threads) t.join();
  for (const auto& a : answers) {
    EXPECT_EQ(a.status(), 201) << a.http.body;
    EXPECT_EQ(a.http.body, answers[0].http.body);
  }
}

namespace {
struct Tally {
  std::atomic<int> created{0}, conflicts{0}, server_errors{0}, other{0};
};

void fire(int port, const std::string& token, const std::vector<std::string>& bodies, Tally& t) {
  std::vector<std::thread> threads;
  std::atomic<bool> go{false};
  for (const auto& body : bodies)
    threads.emplace_back([&, body] {
      while (!go) std::this_thread::yield();
      auto r = request(port, "POST", "/api/bookings", body,
                       {"Content-Type: application/json", "Authorization: Bearer " + token});
      if (r.status == 201)
        ++t.created;
      else if (r.status == 409)
        ++t.conflicts;
      else if (r.status >= 500)
        ++t.server_errors;
      else
        ++t.other;
    });
  go = true;
  for (auto& th : threads) th.join();
}
}  // namespace

TEST_F(Bookings, TwoHundredRequestsForOneSlotMakeOneBooking) {
  const int day = fresh_day();
  const auto body = R"({"serviceId":")" + portrait + R"(","start":")" + at(day, 10) + "\"}";
  Tally t;
  fire(server->port(), owner.token, std::vector<std::string>(200, body), t);
  EXPECT_EQ(t.created, 1);
  EXPECT_EQ(t.conflicts, 199);
  EXPECT_EQ(t.server_errors, 0);
  EXPECT_EQ(t.other, 0);
  auto list = api->get("/api/bookings?from=" + day_text(day) + "&to=" + day_text(day), admin.token);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 1u);
}

TEST_F(Bookings, TwoHundredRequestsForOverlappingSlotsMakeOneBooking) {
  const int day = fresh_day();
  std::vector<std::string> bodies;
  for (int i = 0; i < 200; ++i)  // 10:00, 10:15, 10:30, 10:45: every pair overlaps
    bodies.push_back(R"({"serviceId":")" + portrait + R"(","start":")" + at(day, 10, 15 * (i % 4)) +
                     "\"}");
  Tally t;
  fire(server->port(), other.token, bodies, t);
  EXPECT_EQ(t.created, 1);
  EXPECT_EQ(t.conflicts, 199);
  EXPECT_EQ(t.server_errors, 0);
  EXPECT_EQ(t.other, 0);
  auto list = api->get("/api/bookings?from=" + day_text(day) + "&to=" + day_text(day), admin.token);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 1u);
}

TEST_F(Bookings, BackToBackSlotsBothSucceedConcurrently) {
  const int day = fresh_day();
  std::vector<std::string> bodies;
  for (int i = 0; i < 20; ++i)
    bodies.push_back(R"({"serviceId":")" + portrait + R"(","start":")" + at(day, i % 2 ? 11 : 10) +
                     "\"}");
  Tally t;
  fire(server->port(), owner.token, bodies, t);
  EXPECT_EQ(t.created, 2);
  EXPECT_EQ(t.conflicts, 18);
  EXPECT_EQ(t.server_errors, 0);
}

namespace {
// Moves a booking `days` days into the past, as if time had gone by.
void age(const std::string& url, const std::string& id, int days) {
  const auto shift = "interval '" + std::to_string(days) + " days'";
  psql(url, "UPDATE bookings SET starts_at = starts_at - " + shift + ", ends_at = ends_at - " +
                shift + ", busy_start = busy_start - " + shift + ", busy_end = busy_end - " +
                shift + " WHERE id = '" + id + "'");
}
}  // namespace

TEST_F(Bookings, ClientsChangeBookingsOnlyBeforeTheSession) {
  const int day = fresh_day();
  const auto move_to = [](const std::string& start) { return R"({"start":")" + start + "\"}"; };
  // A confirmed session that has already taken place.
  const auto past = booked(owner, at(day, 9));
  ASSERT_EQ(act(past, "confirm", pro).status(), 200);
  age(database->url(), past, 60);
  expect_problem(act(past, "cancel", owner), 409, "invalid_transition");
  expect_problem(act(past, "reschedule", owner, move_to(at(day, 14))), 409, "invalid_transition");
  // A pending request whose time has passed, too.
  const auto stale = booked(owner, at(day, 11));
  age(database->url(), stale, 61);
  expect_problem(act(stale, "cancel", owner), 409, "invalid_transition");
  EXPECT_EQ(act(stale, "decline", pro).status(), 200);

  // Once shot, the client can neither cancel nor move; staff may cancel, not move.
  auto shot = act(booked(owner, at(day, 14)), "confirm", pro);
  ASSERT_EQ(shot.status(), 200);
  const auto shot_id = std::string(shot.obj().at("booking").at("id").as_string());
  const auto shot_project = "/api/projects/" + std::string(shot.obj().at("projectId").as_string());
  ASSERT_EQ(api->patch(shot_project, {{"status", "SHOT"}}, pro.token).status(), 200);
  expect_problem(act(shot_id, "cancel", owner), 409, "invalid_transition");
  expect_problem(act(shot_id, "reschedule", owner, move_to(at(day, 16))), 409,
                 "invalid_transition");
  expect_problem(act(shot_id, "reschedule", pro, move_to(at(day, 16))), 409, "invalid_transition");
  auto staff_cancel = act(shot_id, "cancel", pro, R"({"reason":"Reshoot refused"})");
  ASSERT_EQ(staff_cancel.status(), 200) << staff_cancel.http.body;
  EXPECT_EQ(api->get(shot_project, pro.token).str("status"), "CANCELLED");

  // Delivered work: nobody cancels the booking any more.
  auto delivered = act(booked(owner, at(fresh_day(), 9)), "confirm", pro);
  ASSERT_EQ(delivered.status(), 200);
  const auto delivered_id = std::string(delivered.obj().at("booking").at("id").as_string());
  const auto delivered_project =
      "/api/projects/" + std::string(delivered.obj().at("projectId").as_string());
  ASSERT_EQ(api->patch(delivered_project, {{"status", "DELIVERED"}, {"force", true}}, admin.token)
                .status(),
            200);
  expect_problem(act(delivered_id, "cancel", admin), 409, "invalid_transition");
  expect_problem(act(delivered_id, "cancel", owner), 409, "invalid_transition");

  // Staff may still cancel or move a past session whose project is only CONFIRMED.
  auto late = act(past, "cancel", pro, R"({"reason":"No-show"})");
  ASSERT_EQ(late.status(), 200) << late.http.body;
  EXPECT_EQ(late.str("status"), "CANCELLED");
}

// A block committed while a booking for the same time waits on the professional's calendar
// lock: the booking's check, made under the lock, sees the block.
TEST_F(Bookings, ABlockAddedWhileABookingWaitsWins) {
  const int day = fresh_day();
  std::thread blocker([&] {
    psql(database->url(),
         "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('" + pro.id +
             "', 0));"
             " INSERT INTO availability_blocks (professional_id, starts_at, ends_at)"
             " VALUES ('" +
             pro.id + "', '" + at(day, 10) + "', '" + at(day, 12) +
             "');"
             " SELECT pg_sleep(1.5); COMMIT;");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the lock is held by now
  auto r = book(owner, portrait, at(day, 10));
  blocker.join();
  expect_problem(r, 409, "slot_unavailable");
  auto list = api->get("/api/bookings?from=" + day_text(day) + "&to=" + day_text(day), admin.token);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 0u);
}

// Far dates, impossible local times, NUL bytes and lone surrogates: refused or accepted,
// never a 5xx.
TEST_F(Bookings, HostileValuesNeverCauseServerErrors) {
  std::vector<ApiResponse> answers;
  const auto slots = [&](const std::string& from, const std::string& to) {
    answers.push_back(api->get("/api/services/" + portrait + "/slots?from=" + from + "&to=" + to));
  };
  slots("1900-01-01", "1900-01-31");
  slots("9999-12-01", "9999-12-31");
  slots("0000-01-01", "0000-01-02");
  slots("2027-03-28", "2027-03-28");
  for (const auto* start :
       {"9999-12-31T23:45:00Z", "1900-01-01T09:00:00Z", "2027-03-28T02:30:00+01:00",
        "2027-10-31T02:30:00+02:00", "2027-03-14T09:00:00-23:59", "２０２７-03-14T09:00:00Z"})
    answers.push_back(book(owner, portrait, start));
  const auto post = [&](const std::string& path, const std::string& body) {
    answers.push_back(api->call("POST", path, body, pro.token));
  };
  post("/api/bookings", R"({"serviceId":")" + portrait + R"(","start":")" + at(fresh_day(), 9) +
                            R"(","clientId":")" + owner.id + R"(","notes":"a\u0000b"})");
  post("/api/bookings", R"({"serviceId":")" + portrait + R"(","start":")" + at(fresh_day(), 9) +
                            R"(","clientId":")" + owner.id + R"(","notes":"\ud800"})");
  post("/api/services", R"({"name":"\u0000","durationMinutes":60,"priceCents":1})");
  post("/api/services", R"({"name":"💥🎉 l'été","durationMinutes":60,"priceCents":1})");
  post("/api/availability/blocks",
       R"({"start":"1900-01-01T00:00:00Z","end":"1900-06-01T00:00:00Z"})");
  post("/api/availability/blocks",
       R"({"start":"9999-12-30T00:00:00Z","end":"9999-12-31T23:59:59Z"})");
  for (const auto* query : {"?from=9999-12-31", "?to=1900-01-01", "?from=9999-12-31T23:59:59Z",
                            "?limit=99999999999999999999", "?status=%F0%9F%92%A5"})
    answers.push_back(api->get(std::string("/api/bookings") + query, admin.token));
  answers.push_back(api->get("/api/availability/weekly?professionalId=%F0%9F%92%A5", admin.token));
  answers.push_back(api->get("/api/audit?from=0001-01-01&to=9999-12-31", admin.token));
  answers.push_back(api->get("/api/projects?limit=99999999999", admin.token));
  for (const auto& a : answers) {
    EXPECT_LT(a.status(), 500) << a.http.body;
    EXPECT_GE(a.status(), 200);
    if (a.status() >= 400) {
      EXPECT_EQ(a.http.header("content-type"), "application/problem+json") << a.http.body;
    }
  }
  // The studio still answers.
  EXPECT_EQ(api->get("/api/services").status(), 200);
}

namespace {
std::vector<std::string> actions_of(const ApiResponse& r) {
  std::vector<std::string> out;
  const auto& booking = r.obj().contains("booking") ? r.obj().at("booking") : r.json;
  for (const auto& a : booking.at("actions").as_array()) out.emplace_back(a.as_string());
  return out;
}
using Actions = std::vector<std::string>;
}  // namespace

// Every booking reply says what its caller may do next, and the API holds to it.
TEST_F(Bookings, ActionsInEveryReplyAreWhatTheCallerMayDoNow) {
  const int day = fresh_day();
  auto created = book(owner, portrait, at(day, 10));
  ASSERT_EQ(created.status(), 201) << created.http.body;
  const auto id = created.str("id");
  EXPECT_EQ(actions_of(created), (Actions{"reschedule", "cancel"}));
  EXPECT_EQ(actions_of(api->get("/api/bookings/" + id, pro.token)),
            (Actions{"confirm", "decline", "reschedule", "cancel"}));
  auto confirmed = act(id, "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200) << confirmed.http.body;
  EXPECT_EQ(actions_of(confirmed), (Actions{"reschedule", "cancel"}));
  const auto project = confirmed.str("projectId");

  // The shoot happened: the client may no longer change anything; staff may still cancel.
  ASSERT_EQ(api->patch("/api/projects/" + project, {{"status", "SHOT"}}, pro.token).status(), 200);
  EXPECT_EQ(actions_of(api->get("/api/bookings/" + id, owner.token)), Actions{});
  EXPECT_EQ(actions_of(api->get("/api/bookings/" + id, admin.token)), Actions{"cancel"});
  expect_problem(act(id, "cancel", owner), 409, "invalid_transition");
  expect_problem(act(id, "reschedule", pro, R"({"start":")" + at(day, 14) + "\"}"), 409,
                 "invalid_transition");
  // In lists too.
  auto mine = api->get("/api/bookings?from=" + day_text(day) + "&to=" + day_text(day), owner.token);
  ASSERT_EQ(mine.status(), 200);
  EXPECT_EQ(mine.obj().at("items").as_array().at(0).at("actions").as_array().size(), 0u);
}
