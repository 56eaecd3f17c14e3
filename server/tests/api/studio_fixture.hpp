#pragma once
// The studio the workflow suites share (settings, services, availability, bookings, projects,
// audit, overview): the real server on a fresh database with an ADMIN, a PROFESSIONNEL who
// works every day 09:00-18:00 (Europe/Paris), two clients and a one-hour portrait service,
// plus the helpers those suites use. One server per suite: CTest runs each suite in a process.
#include "api_client.hpp"
#include "core/time/time.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <thread>

namespace declic::test {

namespace json = boost::json;
namespace dtime = declic::core::time;

inline const std::string kPassword = "correct horse battery";

class Studio : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_error = guarded_setup([] {
      database = new TestDatabase();
      auto env = server_env(database->url());
      env["LOGIN_LIMIT_PER_IP"] = "100000";
      env["DB_ACQUIRE_TIMEOUT_MS"] = "20000";  // races queue for connections, never 503
      env["MESSAGE_MAIL_DELAY"] = "3";         // unread messages are mailed after 3 s, not 10 min
      for (const auto& [name, value] : extra_env) env[name] = value;
      server_env_used = env;
      mail_dir = env["MAIL_DIR"];
      server = new ServerProcess(env);
      api = new Api(server->port());
      admin = create_admin(*api, database->url(), "boss@studio.test", kPassword);
      pro = invite_staff(*api, mail_dir, admin, "pro@studio.test", "PROFESSIONNEL", kPassword);
      owner = sign_up(*api, "owner@client.test", kPassword, "en");
      other = sign_up(*api, "other@client.test", kPassword);
      // The professional works every day, 09:00-18:00 in the studio zone (Europe/Paris).
      json::array week;
      for (int d = 1; d <= 7; ++d)
        week.push_back({{"weekday", d}, {"start", "09:00"}, {"end", "18:00"}});
      auto hours = api->call("PUT", "/api/availability/weekly", json::serialize(week), pro.token);
      EXPECT_EQ(hours.status(), 200) << hours.http.body;
      portrait = create_service("Portrait", 60, 0, 0);
      // The suites' two clients hold many requests at once; the cap has tests of its own.
      auto roomy =
          api->call("PUT", "/api/settings", R"({"maxOpenRequestsPerClient":20})", admin.token);
      EXPECT_EQ(roomy.status(), 200) << roomy.http.body;
    });
  }
  void SetUp() override { ASSERT_EQ(setup_error, "") << "the suite's set-up failed"; }
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
  // A confirmed booking of `who`'s: its project's id.
  static std::string new_project(const StudioAccount& who, int hour = 10) {
    const auto booking = booked(who, at(fresh_day(), hour));
    auto confirmed = act(booking, "confirm", pro);
    EXPECT_EQ(confirmed.status(), 200) << confirmed.http.body;
    return std::string(confirmed.obj().at("projectId").as_string());
  }
  static ApiResponse act(const std::string& id, const std::string& action, const StudioAccount& who,
                         const std::string& body = "") {
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
  // One value from the database (psql's text, without the line end).
  static std::string one(const std::string& sql) {
    auto out = psql(database->url(), sql);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
  // Polls `done` until it is true, `within` at most (the server's workers run on their own).
  template <class Done>
  static bool eventually(Done done, std::chrono::milliseconds within = std::chrono::seconds(2)) {
    for (const auto deadline = std::chrono::steady_clock::now() + within;
         std::chrono::steady_clock::now() < deadline;) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
  }
  static std::string first_error_field(const ApiResponse& r) {
    if (!r.json.is_object() || !r.obj().contains("errors")) return "";
    return std::string(r.obj().at("errors").as_array().at(0).at("field").as_string());
  }

  // The first day ahead (a week at least) whose noon is not 24 h after the previous noon:
  // the day after a change of daylight-saving time in Paris.
  static int day_after_clock_change() {
    const auto paris = *dtime::Zone::find("Europe/Paris");
    for (int d = 8; d < 400; ++d)
      if (paris.to_instant(date(d), 720) - paris.to_instant(date(d - 1), 720) !=
          std::chrono::hours(24))
        return d;
    return -1;
  }
  // `script` (under tests/api) run by Debian's Python, where python3-icalendar is, on `bytes`
  // written to a file; its JSON answer.
  static json::object python_reads(const std::string& script, const std::string& bytes,
                                   const std::string& args = "") {
    const auto path = std::string(DECLIC_BUILD_DIR) + "/" + unique_name("read");
    std::ofstream(path, std::ios::binary) << bytes;
    const auto out = capture("/usr/bin/python3 " + std::string(DECLIC_SOURCE_DIR) +
                             "/server/tests/api/" + script + " " + path + " " + args);
    std::remove(path.c_str());
    return json::parse(out).as_object();
  }
  // What a calendar application imports from `ics`: {name, events: [{uid, start, …}]}, times
  // in Paris.
  static json::object imported(const std::string& ics) {
    return python_reads("ics_check.py", ics, "Europe/Paris");
  }
  // The newest mail to `to` whose subject holds `subject`, as a mail program reads it:
  // {subject, contentType, text, html, attachments: [{filename, contentType, content}]}.
  static json::object mail_read(const std::string& to, const std::string& subject) {
    for (int i = 0; i < 100; ++i) {
      auto mails = mails_to(mail_dir, to);
      for (auto it = mails.rbegin(); it != mails.rend(); ++it) {
        auto parsed = python_reads("mail_parts.py", *it);
        if (std::string(parsed.at("subject").as_string()).find(subject) != std::string::npos)
          return parsed;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "no mail to " << to << " about " << subject;
    return {};
  }

  static inline std::string setup_error;
  // A suite's own settings, set in its SetUpTestSuite before calling Studio's.
  static inline std::map<std::string, std::string> extra_env;
  static inline std::map<std::string, std::string> server_env_used;
  static inline TestDatabase* database = nullptr;
  static inline ServerProcess* server = nullptr;
  static inline Api* api = nullptr;
  static inline std::string mail_dir, portrait;
  static inline StudioAccount admin, pro, owner, other;
  static inline int next_day = 8;
};

}  // namespace declic::test
