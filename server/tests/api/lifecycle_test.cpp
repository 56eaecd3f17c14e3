// The server's life: start-up checks, a database outage under a running server, and a
// graceful SIGTERM that lets requests in flight finish.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <csignal>

using namespace declic::test;
using namespace std::chrono_literals;

TEST(Lifecycle, ABadVariableStopsStartUpWithOneLineNamingIt) {
  TestDatabase db;
  auto env = server_env(db.url());
  env["PORT"] = "eighty";
  ServerProcess server(env, /*expect_listening=*/false);
  EXPECT_EQ(server.wait_exit(10s), 2);
  const auto out = server.output();
  EXPECT_NE(out.find("PORT must be"), std::string::npos) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

TEST(Lifecycle, AFailedMigrationStopsStartUpWithItsNameAndTheDatabaseMessage) {
  TestDatabase db;
  // A table the first migration wants to create is already there.
  psql(db.url(), "CREATE TABLE settings (x int)");
  ServerProcess server(server_env(db.url()), /*expect_listening=*/false);
  EXPECT_EQ(server.wait_exit(20s), 1);
  const auto out = server.output();
  EXPECT_NE(out.find("migration 0001_init failed"), std::string::npos) << out;
  EXPECT_NE(out.find("already exists"), std::string::npos) << out;
  EXPECT_EQ(out.find("\"listening\""), std::string::npos);
}

TEST(Lifecycle, DatabaseOutageAnswers503ThenRecoversWithoutRestart) {
  PrivateCluster pg;
  pg.start();
  ServerProcess server(server_env(pg.url()));
  ASSERT_EQ(request(server.port(), "GET", "/api/studio").status, 200);

  pg.stop();
  // Every answer comes quickly and cleanly: no hang, no 500.
  for (int i = 0; i < 5; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto ready = request(server.port(), "GET", "/readyz");
    auto studio = request(server.port(), "GET", "/api/studio");
    EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
    EXPECT_EQ(ready.status, 503);
    EXPECT_EQ(studio.status, 503) << studio.body;
    EXPECT_EQ(studio.header("content-type"), "application/problem+json");
    EXPECT_FALSE(studio.header("retry-after").empty());
    EXPECT_EQ(boost::json::parse(studio.body).at("code").as_string(), "unavailable");
  }
  EXPECT_EQ(request(server.port(), "GET", "/healthz").status, 200);  // liveness unaffected

  pg.start();
  const auto back = std::chrono::steady_clock::now();
  int status = 0;
  while (std::chrono::steady_clock::now() - back < 15s) {
    status = request(server.port(), "GET", "/readyz").status;
    if (status == 200) break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - back, 5s);
  EXPECT_EQ(request(server.port(), "GET", "/api/studio").status, 200);
}

TEST(Lifecycle, SigtermFinishesRequestsInFlightThenExits) {
  TestDatabase db;
  ServerProcess server(server_env(db.url()));
  const int port = server.port();

  // A request in flight: headers sent, body half sent.
  HttpConnection in_flight(port);
  in_flight.send("POST /api/nothing HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n12345");
  // An idle keep-alive connection.
  HttpConnection idle(port);
  idle.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(idle.read());
  std::this_thread::sleep_for(100ms);

  server.signal(SIGTERM);
  ASSERT_TRUE(server.output_contains("\"shutting down\"", 5s));
  EXPECT_TRUE(idle.closed_by_peer(3s));    // idle connections are closed
  EXPECT_FALSE(can_connect(port));         // no new connections
  EXPECT_EQ(server.wait_exit(300ms), -1);  // still waiting for the request in flight

  in_flight.send("67890");
  auto r = in_flight.read(5s);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_EQ(server.wait_exit(10s), 0);
  EXPECT_TRUE(server.output_contains("\"stopped\",\"forcedConnections\":0"));
}
