// WebSocket routes through the real server (the test-only echo route, APP_ENV=test): the
// route's guards decide before the upgrade, an expired token closes the socket with 4001,
// shutdown closes it cleanly, live events reach the sockets allowed to see them, and a
// thousand sockets are held with bounded memory.
#include "api_client.hpp"
#include "ws_client.hpp"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>

#include <fstream>

using namespace declic::test;
namespace json = boost::json;

namespace {

const std::string kPassword = "correct horse battery";

WsClient::Headers bearer(const std::string& token) {
  return {{"Authorization", "Bearer " + token}};
}

// Resident memory of a process, in bytes.
long rss(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6)) * 1024;
  return -1;
}

class WebSockets : public ::testing::Test {
 protected:
  void SetUp() override {
    auto env = server_env(database.url());
    env["LOGIN_LIMIT_PER_IP"] = "100000";
    env["MAX_CONNECTIONS_PER_ADDRESS"] = "2000";  // a thousand sockets from one address
    server = std::make_unique<ServerProcess>(env);
    api = std::make_unique<Api>(server->port());
    alice = sign_up(*api, "alice@example.fr", kPassword);
    bob = sign_up(*api, "bob@example.fr", kPassword);
  }

  TestDatabase database;
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<Api> api;
  StudioAccount alice, bob;
};

}  // namespace

TEST_F(WebSockets, TheUpgradeIsRefusedWithoutAValidTokenBeforeAnyHandshake) {
  WsClient anonymous(server->port(), "/api/test/echo");
  EXPECT_FALSE(anonymous.open());
  EXPECT_EQ(anonymous.refused_status(), 401);
  WsClient forged(server->port(), "/api/test/echo", bearer(alice.token + "x"));
  EXPECT_EQ(forged.refused_status(), 401);
  // A plain GET on a WebSocket route: 426 with the upgrade to ask for.
  auto plain = request(server->port(), "GET", "/api/test/echo", "",
                       {"Authorization: Bearer " + alice.token});
  EXPECT_EQ(plain.status, 426);
  EXPECT_EQ(plain.header("upgrade"), "websocket");
  // A page of another site may not open it in the user's name.
  WsClient cross_site(server->port(), "/api/test/echo",
                      {{"Authorization", "Bearer " + alice.token}, {"Origin", "http://evil.test"}});
  EXPECT_EQ(cross_site.refused_status(), 403);
}

TEST_F(WebSockets, EchoesAndDeliversLiveEventsOnlyToThoseAllowedToSeeThem) {
  WsClient a(server->port(), "/api/test/echo", bearer(alice.token));
  WsClient b(server->port(), "/api/test/echo", bearer(bob.token));
  ASSERT_TRUE(a.open() && b.open());
  a.send("bonjour");
  EXPECT_EQ(a.receive(), "bonjour");

  // An event for Alice (and the staff): Alice gets it, Bob does not.
  auto r =
      api->post("/api/test/events", {{"type", "test.hello"}, {"data", {{"n", 1}}}}, alice.token);
  ASSERT_EQ(r.status(), 204) << r.http.body;
  auto frame = a.receive();
  ASSERT_TRUE(frame);
  const auto event = json::parse(*frame).as_object();
  EXPECT_EQ(event.at("type").as_string(), "test.hello");
  EXPECT_EQ(event.at("data").at("n").as_int64(), 1);
  EXPECT_GT(event.at("id").as_int64(), 0);
  // Bob's next message is his own echo, not Alice's event.
  b.send("ping");
  EXPECT_EQ(b.receive(), "ping");
}

TEST_F(WebSockets, AnExpiredTokenClosesTheSocketWith4001) {
  WsClient socket(server->port(), "/api/test/echo", bearer(short_lived_token(alice, 2)));
  ASSERT_TRUE(socket.open());
  socket.send("still here");
  EXPECT_EQ(socket.receive(), "still here");
  EXPECT_EQ(socket.receive(std::chrono::seconds(6)), std::nullopt);
  EXPECT_EQ(socket.close_code(), 4001);
}

TEST_F(WebSockets, ShutdownClosesSocketsCleanlyAndTheServerExits) {
  WsClient socket(server->port(), "/api/test/echo", bearer(alice.token));
  ASSERT_TRUE(socket.open());
  server->signal(SIGTERM);
  EXPECT_EQ(socket.receive(std::chrono::seconds(5)), std::nullopt);
  EXPECT_EQ(socket.close_code(), 1001);  // going away
  EXPECT_EQ(server->wait_exit(std::chrono::seconds(10)), 0);
}

TEST_F(WebSockets, AThousandSocketsAreHeldWithBoundedMemory) {
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  ASSERT_GE(files.rlim_cur, 1100u) << "this test needs 1,100 open files";

  {  // warm up: the first sockets allocate what every later one reuses
    WsClient first(server->port(), "/api/test/echo", bearer(alice.token));
    first.send("warm");
    ASSERT_EQ(first.receive(), "warm");
  }
  const auto before = rss(server->pid());
  std::vector<WsClient> sockets;
  sockets.reserve(1000);
  for (int i = 0; i < 1000; ++i) {
    sockets.emplace_back(server->port(), "/api/test/echo", bearer(i % 2 ? alice.token : bob.token));
    ASSERT_TRUE(sockets.back().open()) << "socket " << i;
  }
  // Every one works, and an event for Alice reaches her 500 sockets.
  for (std::size_t i = 0; i < sockets.size(); i += 97) {
    sockets[i].send("n" + std::to_string(i));
    EXPECT_EQ(sockets[i].receive(), "n" + std::to_string(i));
  }
  ASSERT_EQ(api->post("/api/test/events", {{"type", "test.fanout"}}, alice.token).status(), 204);
  int delivered = 0;
  for (std::size_t i = 1; i < sockets.size(); i += 2)
    if (auto frame = sockets[i].receive(); frame && frame->find("test.fanout") != std::string::npos)
      ++delivered;
  EXPECT_EQ(delivered, 500);
  const auto held = rss(server->pid());
  // Bounded: each idle socket costs the server a few tens of KB (sanitizer build included).
  EXPECT_LT(held - before, 96L << 20) << "RSS " << before << " → " << held;
  RecordProperty("rss_growth_per_socket_bytes", std::to_string((held - before) / 1000));
}
