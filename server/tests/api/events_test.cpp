// Domain events with real server processes (the test-only event routes, APP_ENV=test): an
// event whose handler was cut short by `kill -9` is handled once more after the restart, and
// two servers on one database share the after-commit work (each event handled once) while
// each one's WebSockets receive every event, wherever it was published.
#include "api_client.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace declic::test;
namespace json = boost::json;
namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kPassword = "correct horse battery";

// The test handler's log: "start <event id> <pid>" and "done <event id> <pid>" lines.
struct Record {
  std::string what;
  long id;
  long pid;
};

std::vector<Record> records(const std::string& path) {
  std::vector<Record> out;
  std::ifstream in(path);
  for (Record r; in >> r.what >> r.id >> r.pid;) out.push_back(r);
  return out;
}

long count(const std::vector<Record>& rs, const std::string& what, long id) {
  return std::count_if(rs.begin(), rs.end(),
                       [&](const Record& r) { return r.what == what && r.id == id; });
}

// Waits until `done` holds (true), or `limit` passed (false).
template <class F>
bool eventually(F done, std::chrono::milliseconds limit = 20s) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return done();
}

class Events : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(data_dir); }
  void TearDown() override { fs::remove_all(data_dir); }

  std::map<std::string, std::string> env() {
    auto e = server_env(database.url());
    e["DATA_DIR"] = data_dir;
    e["EVENT_HANDLER_TIMEOUT_MS"] = "5000";  // longer than the slow handler takes
    return e;
  }
  std::string log() const { return data_dir + "/test-events.log"; }
  std::string one(const std::string& sql) {
    auto out = psql(database.url(), sql);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  TestDatabase database;
  const std::string data_dir = std::string(DECLIC_BUILD_DIR) + "/" + unique_name("events");
};

}  // namespace

TEST_F(Events, AnEventWhoseHandlerWasKilledIsHandledOnceMoreAfterTheRestart) {
  auto server = std::make_unique<ServerProcess>(env());
  Api api(server->port());
  const auto user = sign_up(api, "kill@example.fr", kPassword);
  auto r = api.post("/api/test/events", {{"type", "test.slow"}, {"data", {{"sleepMs", 3000}}}},
                    user.token);
  ASSERT_EQ(r.status(), 204) << r.http.body;
  const long id = std::stol(one("SELECT max(id) FROM events"));
  ASSERT_TRUE(eventually([&] { return count(records(log()), "start", id) == 1; }));
  server->signal(SIGKILL);  // mid-handling: the handler sleeps
  server->wait_exit(5s);
  EXPECT_EQ(count(records(log()), "done", id), 0);

  server = std::make_unique<ServerProcess>(env());
  ASSERT_TRUE(eventually([&] { return count(records(log()), "done", id) == 1; }));
  const auto rs = records(log());
  EXPECT_EQ(count(rs, "start", id), 2);  // at least once: the killed attempt, then this one
  EXPECT_EQ(count(rs, "done", id), 1);
  EXPECT_TRUE(eventually([&] { return one("SELECT count(*) FROM event_jobs") == "0"; }));
}

TEST_F(Events, TwoServersShareTheWorkAndEachSeesEveryEventLive) {
  ServerProcess a(env()), b(env());
  Api api_a(a.port()), api_b(b.port());
  const auto user = sign_up(api_a, "two@example.fr", kPassword);
  WsClient on_a(a.port(), "/api/test/echo", {{"Authorization", "Bearer " + user.token}});
  WsClient on_b(b.port(), "/api/test/echo", {{"Authorization", "Bearer " + user.token}});
  ASSERT_TRUE(on_a.open() && on_b.open());

  constexpr int kEvents = 20;
  std::vector<long> latency_ms;
  for (int i = 0; i < kEvents; ++i) {
    const auto& api = i % 2 ? api_b : api_a;
    const auto sent = Clock::now();
    ASSERT_EQ(api.post("/api/test/events", {{"type", "test.shared"}}, user.token).status(), 204);
    // Published through one server, received on the sockets of both.
    for (auto* socket : {&on_a, &on_b}) {
      auto frame = socket->receive(1s);
      ASSERT_TRUE(frame) << "event " << i << " did not arrive within a second";
      EXPECT_EQ(json::parse(*frame).at("type").as_string(), "test.shared");
      latency_ms.push_back(
          std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - sent).count());
    }
  }
  // Every event handled once, by one server or the other.
  ASSERT_TRUE(eventually([&] { return one("SELECT count(*) FROM event_jobs") == "0"; }));
  const auto rs = records(log());
  const long first = std::stol(one("SELECT min(id) FROM events WHERE type = 'test.shared'"));
  for (long id = first; id < first + kEvents; ++id) EXPECT_EQ(count(rs, "done", id), 1) << id;
  for (const auto& r : rs) EXPECT_TRUE(r.pid == a.pid() || r.pid == b.pid());
  RecordProperty("max_cross_server_latency_ms",
                 std::to_string(*std::max_element(latency_ms.begin(), latency_ms.end())));
}
