// The booking workflow through the real server: studio settings, the service catalogue,
// availability, free slots, bookings and their transitions, projects and their timeline —
// each route's role matrix (anonymous, owner client, other client, PROFESSIONNEL, ADMIN),
// hostile input (always a 4xx problem+json), idempotent retries and concurrent races.
#include "api_client.hpp"
#include "core/time/time.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace declic::test;
namespace json = boost::json;
namespace dtime = declic::core::time;

namespace {

const std::string kPassword = "correct horse battery";

class Bookings : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database = new TestDatabase();
    auto env = server_env(database->url());
    env["LOGIN_LIMIT_PER_IP"] = "100000";
    env["DB_ACQUIRE_TIMEOUT_MS"] = "20000";  // races queue for connections, never 503
    mail_dir = env["MAIL_DIR"];
    server = new ServerProcess(env);
    api = new Api(server->port());
    admin = create_admin(*api, database->url(), "boss@studio.test", kPassword);
    pro = invite_staff(*api, mail_dir, admin, "pro@studio.test", "PROFESSIONNEL", kPassword);
    owner = sign_up(*api, "owner@client.test", kPassword, "en");
    other = sign_up(*api, "other@client.test", kPassword);
    // The professional works every day, 09:00-18:00 in the studio zone (Europe/Paris).
    json::array week;
    for (int d = 1; d <= 7; ++d) week.push_back({{"weekday", d}, {"start", "09:00"}, {"end", "18:00"}});
    auto hours = api->call("PUT", "/api/availability/weekly", json::serialize(week), pro.token);
    EXPECT_EQ(hours.status(), 200) << hours.http.body;
    portrait = create_service("Portrait", 60, 0, 0);
  }
  static void TearDownTestSuite() {
    delete api;
    delete server;
    delete database;
  }

  static std::string create_service(const std::string& name, int minutes, int before, int after) {
    auto r = api->post("/api/services",
                       {{"name", name},
                        {"durationMinutes", minutes},
                        {"priceCents", 15000},
                        {"depositCents", 5000},
                        {"bufferBeforeMinutes", before},
                        {"bufferAfterMinutes", after},
                        {"minNoticeHours", 24},
                        {"category", "portrait"}},
                       pro.token);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.str("id");
  }

  // A day of its own for each test (they share one database), at least a week ahead.
  static int fresh_day() { return next_day++; }
  static dtime::Date date(int days_ahead) {
    const auto paris = *dtime::Zone::find("Europe/Paris");
    return paris.local_date(dtime::now()) + std::chrono::days(days_ahead);
  }
  // RFC 3339 (UTC) of hh:mm, Paris wall clock, `days_ahead` days from today.
  static std::string at(int days_ahead, int hour, int minute = 0) {
    const auto paris = *dtime::Zone::find("Europe/Paris");
    return dtime::format_rfc3339(paris.to_instant(date(days_ahead), hour * 60 + minute));
  }
  static std::string day_text(int days_ahead) { return dtime::format_date(date(days_ahead)); }

  static ApiResponse book(const StudioAccount& who, const std::string& service,
                          const std::string& start, std::vector<std::string> headers = {}) {
    const json::object body{{"serviceId", service}, {"start", start}};
    return api->call("POST", "/api/bookings", json::serialize(body), who.token, headers);
  }
  static std::string booked(const StudioAccount& who, const std::string& start) {
    auto r = book(who, portrait, start);
    EXPECT_EQ(r.status(), 201) << r.http.body;
    return r.status() == 201 ? r.str("id") : "";
  }
  static ApiResponse act(const std::string& id, const std::string& action,
                         const StudioAccount& who, const std::string& body = "") {
    return api->call("POST", "/api/bookings/" + id + "/" + action, body, who.token);
  }
  static std::vector<std::string> slot_starts(const std::string& service, int days_ahead) {
    auto r = api->get("/api/services/" + service + "/slots?from=" + day_text(days_ahead) +
                      "&to=" + day_text(days_ahead));
    EXPECT_EQ(r.status(), 200) << r.http.body;
    std::vector<std::string> out;
    for (const auto& s : r.obj().at("slots").as_array())
      out.emplace_back(s.at("start").as_string());
    return out;
  }
  static bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }
  static void expect_problem(const ApiResponse& r, int status, const std::string& code = "") {
    EXPECT_EQ(r.status(), status) << r.http.body;
    EXPECT_EQ(r.http.header("content-type"), "application/problem+json") << r.http.body;
    if (!code.empty()) {
      EXPECT_EQ(r.code(), code) << r.http.body;
    }
  }
  // Whether the newest mail to `to` says `text` within a few seconds (the worker polls).
  static bool mailed(const std::string& to, const std::string& text) {
    for (int i = 0; i < 100; ++i) {
      if (wait_for_mail(mail_dir, to).find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  static std::string first_error_field(const ApiResponse& r) {
    if (!r.json.is_object() || !r.obj().contains("errors")) return "";
    return std::string(r.obj().at("errors").as_array().at(0).at("field").as_string());
  }

  static inline TestDatabase* database = nullptr;
  static inline ServerProcess* server = nullptr;
  static inline Api* api = nullptr;
  static inline std::string mail_dir, portrait;
  static inline StudioAccount admin, pro, owner, other;
  static inline int next_day = 8;
};

}  // namespace

// ---- settings ---------------------------------------------------------------------------

TEST_F(Bookings, SettingsAreForTheAdministrator) {
  EXPECT_EQ(api->get("/api/settings").status(), 401);
  EXPECT_EQ(api->get("/api/settings", owner.token).status(), 403);
  EXPECT_EQ(api->get("/api/settings", pro.token).status(), 403);
  auto read = api->get("/api/settings", admin.token);
  ASSERT_EQ(read.status(), 200) << read.http.body;
  EXPECT_EQ(read.str("timeZone"), "Europe/Paris");
  EXPECT_EQ(read.obj().at("slotStepMinutes").as_int64(), 15);
  EXPECT_EQ(api->call("PUT", "/api/settings", R"({"studioName":"X"})", pro.token).status(), 403);

  auto renamed = api->call("PUT", "/api/settings", R"({"studioName":"Studio Lumière"})", admin.token);
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

// ---- services ---------------------------------------------------------------------------

TEST_F(Bookings, CatalogueRoleMatrix) {
  const json::object draft{{"name", "Mariage"}, {"durationMinutes", 120}, {"priceCents", 90000}};
  EXPECT_EQ(api->post("/api/services", draft).status(), 401);
  EXPECT_EQ(api->post("/api/services", draft, owner.token).status(), 403);
  auto created = api->post("/api/services", draft, admin.token);
  ASSERT_EQ(created.status(), 201) << created.http.body;
  const auto id = created.str("id");
  EXPECT_EQ(created.str("currency"), "EUR");  // the studio's
  EXPECT_EQ(created.str("professionalId"), admin.id);
  EXPECT_TRUE(created.obj().at("active").as_bool());

  // Everyone reads the active catalogue and one service.
  for (const auto* token : {"", owner.token.c_str(), pro.token.c_str()}) {
    EXPECT_EQ(api->get("/api/services", token).status(), 200);
    EXPECT_EQ(api->get("/api/services/" + id, token).status(), 200);
  }
  EXPECT_EQ(api->patch("/api/services/" + id, {{"priceCents", 1}}).status(), 401);
  EXPECT_EQ(api->patch("/api/services/" + id, {{"priceCents", 1}}, other.token).status(), 403);
  auto changed = api->patch("/api/services/" + id, {{"priceCents", 95000}, {"description", "Un jour"}},
                            pro.token);
  ASSERT_EQ(changed.status(), 200) << changed.http.body;
  EXPECT_EQ(changed.obj().at("priceCents").as_int64(), 95000);
  EXPECT_EQ(changed.obj().at("durationMinutes").as_int64(), 120);  // untouched

  EXPECT_EQ(api->call("DELETE", "/api/services/" + id).status(), 401);
  EXPECT_EQ(api->call("DELETE", "/api/services/" + id, "", owner.token).status(), 403);
  EXPECT_EQ(api->call("DELETE", "/api/services/" + id, "", pro.token).status(), 204);
  // Archived: gone for the public, kept for staff.
  EXPECT_EQ(api->get("/api/services/" + id).status(), 404);
  EXPECT_EQ(api->get("/api/services/" + id, owner.token).status(), 404);
  EXPECT_EQ(api->get("/api/services/" + id, pro.token).status(), 200);
  const auto listed = [&](const std::string& path, const std::string& token) {
    auto r = api->get(path, token);
    EXPECT_EQ(r.status(), 200) << r.http.body;
    for (const auto& s : r.obj().at("items").as_array())
      if (s.at("id").as_string() == id) return true;
    return false;
  };
  EXPECT_FALSE(listed("/api/services", ""));
  EXPECT_FALSE(listed("/api/services", pro.token));
  EXPECT_TRUE(listed("/api/services?includeArchived=true", admin.token));
  expect_problem(api->get("/api/services?includeArchived=true"), 403);
  expect_problem(api->get("/api/services?includeArchived=true", owner.token), 403);
  expect_problem(api->get("/api/services?includeArchived=maybe"), 422);
  expect_problem(api->get("/api/services?includeArchived=true", "not-a-token"), 401);
}

TEST_F(Bookings, CatalogueRefusesBadInput) {
  const auto post = [](const std::string& body) {
    return api->call("POST", "/api/services", body, pro.token);
  };
  expect_problem(post(R"({"name":"A","durationMinutes":"60","priceCents":1})"), 400);
  expect_problem(post(R"({"name":"A","durationMinutes":60.5,"priceCents":1})"), 400);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":true})"), 400);
  expect_problem(post(R"({"durationMinutes":60,"priceCents":1})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":0,"priceCents":1})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":-1})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":18446744073709551615})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":1e30})"), 400);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":100,"depositCents":200})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":1,"currency":"EURO"})"), 422);
  expect_problem(post(R"({"name":"A","durationMinutes":60,"priceCents":1,"professionalId":"x"})"), 422);
  // A client cannot be the professional of a service.
  auto client_pro = post(R"({"name":"A","durationMinutes":60,"priceCents":1,"professionalId":")" +
                         owner.id + "\"}");
  expect_problem(client_pro, 422);
  EXPECT_EQ(first_error_field(client_pro), "professionalId");
  expect_problem(post(R"({"name":")" + std::string(300, 'x') +
                      R"(","durationMinutes":60,"priceCents":1})"),
                 422);
  expect_problem(post("[1,2"), 400);
  expect_problem(api->call("POST", "/api/services", "name=A", pro.token, {"Content-Type: text/plain"}),
                 415);
  expect_problem(api->get("/api/services/not-a-uuid"), 404);
  expect_problem(api->get("/api/services/00000000-0000-0000-0000-000000000000"), 404);
  expect_problem(api->patch("/api/services/00000000-0000-0000-0000-000000000000",
                            {{"priceCents", 1}}, pro.token),
                 404);
  // SQL metacharacters are stored literally.
  auto odd = api->post("/api/services",
                       {{"name", "'); DROP TABLE services; --"}, {"durationMinutes", 30}, {"priceCents", 0}},
                       pro.token);
  ASSERT_EQ(odd.status(), 201) << odd.http.body;
  EXPECT_EQ(api->get("/api/services/" + odd.str("id")).str("name"), "'); DROP TABLE services; --");
}

// ---- availability -----------------------------------------------------------------------

TEST_F(Bookings, WeeklyHoursAreStaffOnly) {
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
  auto set = api->call("PUT", "/api/availability/weekly",
                       R"([{"weekday":2,"start":"14:00","end":"24:00"},{"weekday":2,"start":"08:30","end":"12:00"}])",
                       admin.token);
  ASSERT_EQ(set.status(), 200) << set.http.body;
  EXPECT_EQ(set.json.as_array()[0].at("start").as_string(), "08:30");
  EXPECT_EQ(set.json.as_array()[1].at("end").as_string(), "24:00");

  const auto put = [](const std::string& body) {
    return api->call("PUT", "/api/availability/weekly", body, admin.token);
  };
  expect_problem(put(R"([{"weekday":1,"start":"09:00","end":"12:00"},{"weekday":1,"start":"11:00","end":"13:00"}])"), 422);
  // The error names the range by its place in the array sent, not after sorting.
  auto unsorted = put(R"([{"weekday":1,"start":"11:00","end":"13:00"},{"weekday":2,"start":"09:00","end":"10:00"},{"weekday":1,"start":"09:00","end":"12:00"}])");
  expect_problem(unsorted, 422);
  EXPECT_EQ(first_error_field(unsorted), "[0]") << unsorted.http.body;
  expect_problem(put(R"([{"weekday":8,"start":"09:00","end":"12:00"}])"), 422);
  expect_problem(put(R"([{"weekday":1,"start":"25:00","end":"26:00"}])"), 422);
  expect_problem(put(R"([{"weekday":1,"start":"12:00","end":"09:00"}])"), 422);
  expect_problem(put(R"([{"weekday":"1","start":"09:00","end":"12:00"}])"), 400);
  expect_problem(put(R"([42])"), 400);
  expect_problem(put(R"({"weekday":1})"), 400);
  expect_problem(put("[{"), 400);
  expect_problem(api->call("PUT", "/api/availability/weekly?professionalId=" + owner.id, "[]",
                           admin.token),
                 422);
  expect_problem(api->get("/api/availability/weekly?professionalId=nope", admin.token), 422);
}

TEST_F(Bookings, BlocksRemoveSlots) {
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
  for (const auto& b : list.obj().at("items").as_array()) found = found || b.at("id").as_string() == id;
  EXPECT_TRUE(found);
  EXPECT_EQ(api->get("/api/availability/blocks", other.token).status(), 403);

  expect_problem(api->post("/api/availability/blocks", {{"start", at(day, 12)}, {"end", at(day, 10)}},
                           pro.token),
                 422);
  expect_problem(api->post("/api/availability/blocks", {{"start", "tomorrow"}, {"end", at(day, 10)}},
                           pro.token),
                 422);
  expect_problem(api->post("/api/availability/blocks", {{"start", 5}, {"end", at(day, 10)}}, pro.token),
                 400);
  expect_problem(api->post("/api/availability/blocks",
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

// ---- slots ------------------------------------------------------------------------------

TEST_F(Bookings, SlotsFollowWorkingHoursOnTheGrid) {
  const int day = fresh_day();
  auto r = api->get("/api/services/" + portrait + "/slots?from=" + day_text(day) + "&to=" +
                    day_text(day + 1));
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
  expect_problem(slots("?from=" + day_text(10) + "&to=" + day_text(72)), 422);  // 63 days
  EXPECT_EQ(slots("?from=" + day_text(10) + "&to=" + day_text(71)).status(), 200);  // 62 days
  expect_problem(api->get("/api/services/00000000-0000-0000-0000-000000000000/slots?from=" +
                          day_text(10) + "&to=" + day_text(10)),
                 404);
  // Inside the minimum notice (24 h) nothing is offered.
  auto today = api->get("/api/services/" + portrait + "/slots?from=" + day_text(0) + "&to=" + day_text(0));
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

// ---- bookings ---------------------------------------------------------------------------

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
  ASSERT_EQ(api->patch("/api/services/" + portrait, {{"priceCents", 15000}}, pro.token).status(), 200);
}

TEST_F(Bookings, StartsThatAreNotFreeSlotsAreConflicts) {
  const int day = fresh_day();
  booked(owner, at(day, 9));
  expect_problem(book(other, portrait, at(day, 9)), 409, "slot_taken");
  expect_problem(book(other, portrait, at(day, 9, 30)), 409, "slot_taken");  // overlaps
  expect_problem(book(other, portrait, at(day, 9, 5)), 409, "slot_unavailable");  // off the grid
  expect_problem(book(other, portrait, at(day, 20)), 409, "slot_unavailable");    // after hours
  expect_problem(book(other, portrait, at(day, 17, 30)), 409, "slot_unavailable");  // ends late
  expect_problem(book(other, portrait, at(-3, 10)), 409, "slot_too_soon");  // the past
  expect_problem(book(other, portrait, at(0, 23, 45)), 409);  // within 24 h, or after hours
  expect_problem(book(other, portrait, "2027-03-14T10:00:00.5+01:00"), 422);
}

TEST_F(Bookings, BookingRefusesBadInput) {
  const int day = fresh_day();
  const auto post = [](const std::string& body, const StudioAccount& who) {
    return api->call("POST", "/api/bookings", body, who.token);
  };
  const auto start = at(day, 10);
  EXPECT_EQ(api->call("POST", "/api/bookings", R"({"serviceId":")" + portrait + R"(","start":")" +
                                                   start + "\"}")
                .status(),
            401);
  auto unknown = post(R"({"serviceId":"00000000-0000-0000-0000-000000000000","start":")" + start + "\"}", owner);
  expect_problem(unknown, 422);
  EXPECT_EQ(first_error_field(unknown), "serviceId");
  expect_problem(post(R"({"serviceId":"nope","start":")" + start + "\"}", owner), 422);
  auto bad_start = post(R"({"serviceId":")" + portrait + R"(","start":"next tuesday"})", owner);
  expect_problem(bad_start, 422);
  EXPECT_EQ(first_error_field(bad_start), "start");
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":"2027-13-01T10:00:00Z"})", owner), 422);
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
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":")" + start + R"(","clientId":")" +
                          other.id + "\"}",
                      owner),
                 403);
  auto staff_alone = post(R"({"serviceId":")" + portrait + R"(","start":")" + start + "\"}", pro);
  expect_problem(staff_alone, 422);
  EXPECT_EQ(first_error_field(staff_alone), "clientId");
  expect_problem(post(R"({"serviceId":")" + portrait + R"(","start":")" + start + R"(","clientId":")" +
                          pro.id + "\"}",
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
  auto second = api->get("/api/bookings?limit=1&cursor=" + std::string(first.obj().at("nextCursor").as_string()),
                         admin.token);
  ASSERT_EQ(second.status(), 200);
  EXPECT_NE(first.obj().at("items").as_array()[0].at("id"), second.obj().at("items").as_array()[0].at("id"));
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

  const auto cancelled = booked(other, at(day, 9));  // the declined slot is free again
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
  auto project = api->get("/api/projects/" + std::string(conf.obj().at("projectId").as_string()),
                          owner.token);
  ASSERT_EQ(project.status(), 200);
  EXPECT_EQ(project.str("status"), "CANCELLED");
  EXPECT_EQ(project.obj().at("timeline").as_array().back().at("note").as_string(), "Matériel en panne");
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
  EXPECT_EQ(api->call("POST", "/api/bookings/" + id + "/reschedule", R"({"start":")" + at(day, 14) + "\"}")
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
  expect_problem(book(owner, portrait, at(day, 11), {"Idempotency-Key: " + std::string(300, 'k')}), 422);
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

// ---- races ------------------------------------------------------------------------------

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
      if (r.status == 201) ++t.created;
      else if (r.status == 409) ++t.conflicts;
      else if (r.status >= 500) ++t.server_errors;
      else ++t.other;
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
    bodies.push_back(R"({"serviceId":")" + portrait + R"(","start":")" + at(day, 10, 15 * (i % 4)) + "\"}");
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
    bodies.push_back(R"({"serviceId":")" + portrait + R"(","start":")" + at(day, i % 2 ? 11 : 10) + "\"}");
  Tally t;
  fire(server->port(), owner.token, bodies, t);
  EXPECT_EQ(t.created, 2);
  EXPECT_EQ(t.conflicts, 18);
  EXPECT_EQ(t.server_errors, 0);
}

// ---- projects ---------------------------------------------------------------------------

TEST_F(Bookings, ProjectsMoveInOrderWithATimeline) {
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
  auto shot = api->patch(path, {{"status", "SHOT"}, {"note", "120 photos"}, {"dueDate", "2030-01-15"}},
                         pro.token);
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

TEST_F(Bookings, ProjectsGoOneStepAtATime) {
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
  const auto move_to = [](const std::string& start) {
    return R"({"start":")" + start + "\"}";
  };
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
  expect_problem(act(shot_id, "reschedule", owner, move_to(at(day, 16))), 409, "invalid_transition");
  expect_problem(act(shot_id, "reschedule", pro, move_to(at(day, 16))), 409, "invalid_transition");
  auto staff_cancel = act(shot_id, "cancel", pro, R"({"reason":"Reshoot refused"})");
  ASSERT_EQ(staff_cancel.status(), 200) << staff_cancel.http.body;
  EXPECT_EQ(api->get(shot_project, pro.token).str("status"), "CANCELLED");

  // Delivered work: nobody cancels the booking any more.
  auto delivered = act(booked(owner, at(day + 1, 9)), "confirm", pro);
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

TEST_F(Bookings, CancellingAProjectCancelsItsBooking) {
  const int day = fresh_day();
  auto confirmed = act(booked(owner, at(day, 10)), "confirm", pro);
  ASSERT_EQ(confirmed.status(), 200);
  const auto booking = std::string(confirmed.obj().at("booking").at("id").as_string());
  const auto path = "/api/projects/" + std::string(confirmed.obj().at("projectId").as_string());
  ASSERT_FALSE(has(slot_starts(portrait, day), at(day, 10)));
  auto cancelled = api->patch(path, {{"status", "CANCELLED"}, {"note", "Client moved away"}},
                              pro.token);
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

// A block committed while a booking for the same time waits on the professional's calendar
// lock: the booking's check, made under the lock, sees the block.
TEST_F(Bookings, ABlockAddedWhileABookingWaitsWins) {
  const int day = fresh_day();
  std::thread blocker([&] {
    psql(database->url(),
         "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('" + pro.id + "', 0));"
         " INSERT INTO availability_blocks (professional_id, starts_at, ends_at)"
         " VALUES ('" + pro.id + "', '" + at(day, 10) + "', '" + at(day, 12) + "');"
         " SELECT pg_sleep(1.5); COMMIT;");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the lock is held by now
  auto r = book(owner, portrait, at(day, 10));
  blocker.join();
  expect_problem(r, 409, "slot_unavailable");
  auto list = api->get("/api/bookings?from=" + day_text(day) + "&to=" + day_text(day), admin.token);
  EXPECT_EQ(list.obj().at("items").as_array().size(), 0u);
}

// Replacing weekly hours takes the same lock: a concurrent change to the professional's
// calendar is never half-overwritten (no leftover or duplicate ranges).
TEST_F(Bookings, WeeklyHoursReplacementWaitsForTheCalendarLock) {
  std::thread other_change([&] {
    psql(database->url(),
         "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('" + pro.id + "', 0));"
         " INSERT INTO working_hours (professional_id, weekday, start_minute, end_minute)"
         " VALUES ('" + pro.id + "', 3, 420, 480); SELECT pg_sleep(1.5); COMMIT;");
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  json::array week;
  for (int d = 1; d <= 7; ++d) week.push_back({{"weekday", d}, {"start", "09:00"}, {"end", "18:00"}});
  auto put = api->call("PUT", "/api/availability/weekly", json::serialize(week), pro.token);
  other_change.join();
  ASSERT_EQ(put.status(), 200) << put.http.body;
  auto now = api->get("/api/availability/weekly", pro.token);
  ASSERT_EQ(now.status(), 200);
  EXPECT_EQ(now.json.as_array().size(), 7u) << now.http.body;  // the 07:00 range replaced too
}

TEST_F(Bookings, ConcurrentServiceEditsKeepEveryField) {
  const auto id = create_service("Concurrent", 60, 0, 0);
  const auto path = "/api/services/" + id;
  // Four editors, each changing its own field over and over: none may undo another's.
  constexpr int kRounds = 50;
  const auto edit = [&](const std::string& field, bool number) {
    for (int i = 0; i < kRounds; ++i) {
      json::object body;
      if (number) body[field] = 20000 + i;
      else body[field] = field + " " + std::to_string(i);
      api->patch(path, body, pro.token);
    }
  };
  std::vector<std::thread> editors;
  editors.emplace_back(edit, "name", false);
  editors.emplace_back(edit, "description", false);
  editors.emplace_back(edit, "category", false);
  editors.emplace_back(edit, "priceCents", true);
  for (auto& t : editors) t.join();
  auto r = api->get(path, pro.token);
  ASSERT_EQ(r.status(), 200);
  const auto last = " " + std::to_string(kRounds - 1);
  EXPECT_EQ(r.str("name"), "name" + last);
  EXPECT_EQ(r.str("description"), "description" + last);
  EXPECT_EQ(r.str("category"), "category" + last);
  EXPECT_EQ(r.obj().at("priceCents").as_int64(), 20000 + kRounds - 1);
}

// ---- audit ------------------------------------------------------------------------------

TEST_F(Bookings, AuditTrailIsForTheAdministrator) {
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
                .obj().at("items").as_array().size(),
            0u);
  EXPECT_EQ(api->get("/api/audit?to=2000-01-01", admin.token).obj().at("items").as_array().size(), 0u);
  EXPECT_GE(api->get("/api/audit?from=" + day_text(0), admin.token).obj().at("items").as_array().size(), 3u);
  // Pages of two, newest first, never the same event twice.
  auto first = api->get("/api/audit?limit=2", admin.token);
  ASSERT_TRUE(first.obj().at("nextCursor").is_string()) << first.http.body;
  auto second = api->get("/api/audit?limit=2&cursor=" +
                             std::string(first.obj().at("nextCursor").as_string()),
                         admin.token);
  ASSERT_EQ(second.status(), 200);
  EXPECT_LT(second.obj().at("items").as_array()[0].at("id").as_int64(),
            first.obj().at("items").as_array()[1].at("id").as_int64());
  expect_problem(api->get("/api/audit?actor=x", admin.token), 422);
  expect_problem(api->get("/api/audit?from=yesterday", admin.token), 422);
  expect_problem(api->get("/api/audit?limit=-3", admin.token), 422);
  expect_problem(api->get("/api/audit?cursor=abc", admin.token), 422);
}

TEST_F(Bookings, ClientOverviewListsBookingsAndProjects) {
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
  for (const auto* start : {"9999-12-31T23:45:00Z", "1900-01-01T09:00:00Z",
                            "2027-03-28T02:30:00+01:00", "2027-10-31T02:30:00+02:00",
                            "2027-03-14T09:00:00-23:59", "２０２７-03-14T09:00:00Z"})
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
  post("/api/availability/blocks", R"({"start":"1900-01-01T00:00:00Z","end":"1900-06-01T00:00:00Z"})");
  post("/api/availability/blocks", R"({"start":"9999-12-30T00:00:00Z","end":"9999-12-31T23:59:59Z"})");
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
