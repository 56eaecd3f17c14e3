// `declic seed-demo --activity`, the real command on a fresh database: the studio `make run`
// shows has a history in every status, on weekdays within the demo hours, nothing dated
// in the future that should not be, and running it again adds nothing.
#include "api_client.hpp"

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

namespace declic::test {
namespace {

constexpr const char* kDemoPassword = "demo-password-for-tests";

std::string seed(const std::map<std::string, std::string>& env) {
  std::string command = "env -i PATH=\"$PATH\"";
  for (const auto& [k, v] : env) command += " " + k + "='" + v + "'";
  command += " DECLIC_ENV_FILE=/nonexistent " + std::string(DECLIC_BIN) + " seed-demo --activity";
  return capture(command);
}

std::string one(const TestDatabase& db, const std::string& sql) {
  auto out = psql(db.url(), sql);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

TEST(Demo, TheActivitySeedGivesTheStudioAHistoryOnce) {
  TestDatabase database;
  auto env = server_env(database.url());
  env["DEMO_PASSWORD"] = kDemoPassword;
  EXPECT_NE(seed(env).find("Demo activity"), std::string::npos);

  EXPECT_EQ(one(database, "SELECT string_agg(DISTINCT status, ',' ORDER BY status) FROM bookings"),
            "CANCELLED,CONFIRMED,DECLINED,EXPIRED,PENDING");
  EXPECT_EQ(one(database, "SELECT string_agg(DISTINCT status, ',' ORDER BY status) FROM projects"),
            "CLOSED,CONFIRMED,DELIVERED,EDITING,SHOT");
  EXPECT_EQ(one(database, "SELECT count(*) FROM users WHERE role = 'CLIENT'"), "12");
  // Weekdays, 09:00-18:00 in the studio's zone; notes never ahead of today.
  EXPECT_EQ(one(database,
                "SELECT count(*) FROM bookings b, settings s WHERE"
                " extract(isodow FROM b.starts_at AT TIME ZONE s.time_zone) > 5"
                " OR (b.starts_at AT TIME ZONE s.time_zone)::time < '09:00'"
                " OR (b.ends_at AT TIME ZONE s.time_zone)::time > '18:00'"),
            "0");
  EXPECT_EQ(one(database, "SELECT count(*) FROM project_events WHERE at > now()"), "0");
  EXPECT_EQ(one(database, "SELECT count(*) > 0 FROM bookings WHERE starts_at < now()"), "t");
  EXPECT_EQ(one(database, "SELECT count(*) > 0 FROM bookings WHERE starts_at > now()"), "t");

  const auto bookings = one(database, "SELECT count(*) FROM bookings");
  const auto messages = one(database, "SELECT count(*) FROM messages");
  seed(env);
  EXPECT_EQ(one(database, "SELECT count(*) FROM bookings"), bookings) << "the second run adds none";
  EXPECT_EQ(one(database, "SELECT count(*) FROM messages"), messages);
  EXPECT_EQ(one(database, "SELECT count(*) FROM galleries"), "1") << "one gallery, seeded once";
  // A logo and a photo per service, drawn at seed time (once).
  EXPECT_EQ(one(database, "SELECT count(*) FROM images"), "4");

  // The server serves it: a new client signs in with the demo password; the professional
  // sees requests still waiting (not expired at once) and the conversations.
  ServerProcess server(env);
  Api api(server.port());
  login(api, "camille.laurent@demo.declic.fr", kDemoPassword);
  const auto pro = login(api, "pro@demo.declic.fr", kDemoPassword);
  auto pending = api.get("/api/bookings?status=PENDING", pro.token);
  ASSERT_EQ(pending.status(), 200) << pending.http.body;
  EXPECT_EQ(pending.obj().at("items").as_array().size(), 4u);
  auto projects = api.get("/api/projects", pro.token);
  ASSERT_EQ(projects.status(), 200) << projects.http.body;
  EXPECT_EQ(projects.obj().at("items").as_array().size(), 10u);
  // Chloé's proofs: published, and made into previews once the server serves.
  const auto chloe = login(api, "client1@demo.declic.fr", kDemoPassword);
  auto galleries = api.get("/api/galleries", chloe.token);
  ASSERT_EQ(galleries.status(), 200) << galleries.http.body;
  ASSERT_EQ(galleries.obj().at("items").as_array().size(), 1u);
  const auto gallery = std::string(galleries.obj().at("items").at(0).at("id").as_string());
  const auto ready = [&] {
    auto g = api.get("/api/galleries/" + gallery, chloe.token);
    return g.obj().at("readyCount").as_int64() == 8;
  };
  for (int i = 0; i < 300 && !ready(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(ready());
  auto conversations = api.get("/api/conversations", pro.token);
  ASSERT_EQ(conversations.status(), 200) << conversations.http.body;
  EXPECT_EQ(conversations.obj().at("items").as_array().size(), 3u);

  // The public page's pictures are served; each service says what it includes.
  auto studio = api.get("/api/studio");
  ASSERT_EQ(studio.status(), 200);
  EXPECT_EQ(api.get(studio.str("logoUrl")).http.header("content-type"), "image/webp");
  auto services = api.get("/api/services");
  ASSERT_EQ(services.status(), 200);
  for (const auto& s : services.obj().at("items").as_array()) {
    SCOPED_TRACE(boost::json::serialize(s));
    ASSERT_TRUE(s.at("coverUrl").is_string());
    EXPECT_EQ(api.get(std::string(s.at("coverUrl").as_string())).status(), 200);
    EXPECT_GE(s.at("included").as_array().size(), 3u);
  }
}

}  // namespace
}  // namespace declic::test
