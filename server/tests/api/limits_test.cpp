// Bounded resources through the real `declic` binary: connections per address and per
// process (the idle ones make room first), a silent connection's first-byte timeout, a flood
// of idle connections while others are served, and one route unable to hold the whole
// database pool. Each test starts its own server with small limits. Some tests time
// requests, so this suite runs alone (RUN_SERIAL).
#include "api_client.hpp"

#include <gtest/gtest.h>

#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>

using namespace declic::test;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

using Env = std::map<std::string, std::string>;

struct Server {
  explicit Server(const Env& limits) : process(with(limits)), api(port()) {}
  int port() const { return process.port(); }

  Env with(const Env& limits) {
    auto env = server_env(database.url());
    env["ACCESS_LOG"] = "false";
    for (const auto& [k, v] : limits) env[k] = v;
    return env;
  }

  TestDatabase database;
  ServerProcess process;
  Api api;
};

std::string metrics(int port) {
  return request(port, "GET", "/metrics").body;
}

// The value of one series in Prometheus text ("name{labels} value").
long long metric(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return -1;
  return std::stoll(text.substr(at + series.size() + 2));
}

void expect_refused_503(HttpConnection& conn) {
  auto r = conn.read(3s);
  ASSERT_TRUE(r) << "no reply: the refused connection should get a 503";
  EXPECT_EQ(r->status, 503) << r->body;
  EXPECT_EQ(r->header("content-type"), "application/problem+json");
  EXPECT_FALSE(r->header("retry-after").empty());
  EXPECT_EQ(r->header("connection"), "close");
  EXPECT_TRUE(conn.closed_by_peer(2s));
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

TEST(Limits, OverThePerAddressCapIs503ThenClosed) {
  Server server(Env{{"MAX_CONNECTIONS_PER_ADDRESS", "3"}, {"FIRST_BYTE_TIMEOUT_MS", "30000"}});
  std::vector<std::unique_ptr<HttpConnection>> held;
  for (int i = 0; i < 3; ++i)
    held.push_back(std::make_unique<HttpConnection>(server.port(), "127.0.0.3"));
  HttpConnection fourth(server.port(), "127.0.0.3");
  fourth.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");  // never read: refused at once
  expect_refused_503(fourth);
  // Other addresses are not affected, and the three held ones are served.
  EXPECT_EQ(request(server.port(), "GET", "/healthz").status, 200);
  held[0]->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto r = held[0]->read(3s);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // A closed connection gives its place back (once the server has seen it close: until
  // then, newcomers are still refused).
  held.pop_back();
  bool served = false;
  int refusals = 1;
  for (int attempt = 0; attempt < 50 && !served; ++attempt) {
    HttpConnection again(server.port(), "127.0.0.3");
    again.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto reply = again.read(3s);
    served = reply && reply->status == 200;
    if (reply && reply->status == 503) ++refusals;
    if (!served) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(served);
  EXPECT_EQ(
      metric(metrics(server.port()), "declic_http_connections_refused_total{reason=\"address\"}"),
      refusals);
}

TEST(Limits, ASilentConnectionIsClosedAfterTheFirstByteTimeout) {
  Server server(Env{{"FIRST_BYTE_TIMEOUT_MS", "300"}});
  HttpConnection silent(server.port());
  const auto start = Clock::now();
  EXPECT_TRUE(silent.closed_by_peer(3s));
  EXPECT_GE(ms_since(start), 250);
  EXPECT_LT(ms_since(start), 2000);

  // Speaking in time is enough; then keep-alive waits longer than the first-byte timeout.
  HttpConnection talker(server.port());
  std::this_thread::sleep_for(100ms);
  talker.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(talker.read(3s));
  std::this_thread::sleep_for(800ms);
  talker.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto again = talker.read(3s);
  ASSERT_TRUE(again) << "keep-alive must not be cut by the first-byte timeout";
  EXPECT_EQ(again->status, 200);
  EXPECT_GE(metric(metrics(server.port()), "declic_http_first_byte_timeouts_total"), 1);
}

TEST(Limits, AtTheProcessCapIdleConnectionsMakeRoomThenNewOnesAreRefused) {
  Server server(Env{{"MAX_CONNECTIONS", "4"}, {"READ_TIMEOUT_MS", "20000"}});
  const int port = server.port();
  const std::string healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string partial = "GET /healthz HTTP/1.1\r\n";  // mid-request: busy
  auto served = [&](HttpConnection& c) {
    c.send(healthz);
    auto r = c.read(3s);
    return r && r->status == 200;
  };

  {                             // every connection of the scenario closes at the end of this block
    HttpConnection kept(port);  // served once: idle on keep-alive, the longest of all
    ASSERT_TRUE(served(kept));
    std::vector<std::unique_ptr<HttpConnection>> silent;
    for (int i = 0; i < 3; ++i) {
      std::this_thread::sleep_for(50ms);
      silent.push_back(std::make_unique<HttpConnection>(port));
    }
    // Full. A newcomer closes the oldest connection that never spoke, before any keep-alive.
    HttpConnection first_newcomer(port);
    EXPECT_TRUE(silent[0]->closed_by_peer(2s));
    EXPECT_FALSE(kept.closed_by_peer(200ms));
    ASSERT_TRUE(served(first_newcomer));

    // The other silent ones become busy: the next newcomer closes the oldest keep-alive.
    silent[1]->send(partial);
    silent[2]->send(partial);
    std::this_thread::sleep_for(100ms);
    HttpConnection second_newcomer(port);
    EXPECT_TRUE(kept.closed_by_peer(2s));
    EXPECT_FALSE(first_newcomer.closed_by_peer(200ms));
    ASSERT_TRUE(served(second_newcomer));

    // Nobody idle: the next one is refused, and nobody mid-request was touched.
    first_newcomer.send(partial);
    second_newcomer.send(partial);
    std::this_thread::sleep_for(100ms);
    HttpConnection refused(port);
    expect_refused_503(refused);
    for (auto* busy : {silent[1].get(), silent[2].get(), &first_newcomer, &second_newcomer}) {
      busy->send("Host: x\r\n\r\n");
      auto r = busy->read(3s);
      ASSERT_TRUE(r) << "a request in progress was cut";
      EXPECT_EQ(r->status, 200);
    }
  }
  // Once the server has seen those close, /metrics (itself a connection) tells the story.
  std::string text;
  for (int attempt = 0; attempt < 50; ++attempt) {
    auto r = request(port, "GET", "/metrics");
    if (r.status == 200) {
      text = r.body;
      break;
    }
    std::this_thread::sleep_for(20ms);
  }
  // At least: a /metrics connection arriving before the server saw every close counts too.
  EXPECT_GE(metric(text, "declic_http_connections_closed_for_room_total"), 2) << text;
  EXPECT_GE(metric(text, "declic_http_connections_refused_total{reason=\"capacity\"}"), 1);
  EXPECT_EQ(metric(text, "declic_http_connections_max"), 4);
}

namespace {

// Sockets closed on every way out of the test, failures included.
class Sockets {
 public:
  Sockets() = default;
  Sockets(const Sockets&) = delete;
  Sockets& operator=(const Sockets&) = delete;
  ~Sockets() { close_all(); }
  void add(int fd) { fds_.push_back(fd); }
  void close_all() {
    for (int fd : fds_) ::close(fd);
    fds_.clear();
  }
  const std::vector<int>& fds() const { return fds_; }

 private:
  std::vector<int> fds_;
};

// Raises this process's soft descriptor limit to the hard one; returns the limit in force.
long raise_own_descriptor_limit() {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return 1024;
  files.rlim_cur = files.rlim_max;
  if (::setrlimit(RLIMIT_NOFILE, &files) != 0) ::getrlimit(RLIMIT_NOFILE, &files);
  return static_cast<long>(files.rlim_cur);
}

// What the server did with a flood socket: nothing yet (held), or a 503 and a close.
enum class Fate { held, refused_503, closed };

Fate fate_of(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return Fate::held;
  char buf[512];
  const auto n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
  if (n > 12 && std::string_view(buf, 12) == "HTTP/1.1 503") return Fate::refused_503;
  return Fate::closed;
}

// Latencies of a request repeated on one keep-alive connection.
struct Samples {
  std::vector<double> ms;
  int failures = 0;
  double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
  double median() const { return percentile(50); }
  double percentile(int p) const {
    if (ms.empty()) return 0;
    auto sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[sorted.size() * p / 100];
  }
};

void time_one(HttpConnection& conn, const std::string& raw, Samples& into) {
  const auto start = Clock::now();
  conn.send(raw);
  auto r = conn.read(5s);
  if (!r || r->status != 200) {
    ++into.failures;
    return;
  }
  into.ms.push_back(ms_since(start));
}

// A new visitor: connect (queued behind the flood for accept), ask, read.
void time_fresh(int port, const std::string& raw, Samples& into) {
  const auto start = Clock::now();
  try {
    HttpConnection conn(port);
    conn.send(raw);
    auto r = conn.read(5s);
    if (r && r->status == 200) return into.ms.push_back(ms_since(start));
  } catch (const std::exception&) {
  }
  ++into.failures;
}

}  // namespace

TEST(Limits, AConnectionFloodIsHeldToItsCapWhileOthersAreServed) {
  // 3,000 idle connections from one address when descriptors allow, fewer otherwise: the
  // address cap is a third of the flood, the process cap five sixths.
  const long limit = raise_own_descriptor_limit();
  const int flood = static_cast<int>(std::min<long>(3000, (limit - 200) / 2));
  ASSERT_GE(flood, 300) << "too few descriptors for a meaningful flood: " << limit;
  const int per_address = flood / 3;
  Server server(Env{{"MAX_CONNECTIONS_PER_ADDRESS", std::to_string(per_address)},
                    {"MAX_CONNECTIONS", std::to_string(flood * 5 / 6)},
                    {"FIRST_BYTE_TIMEOUT_MS", "120000"}});
  const int port = server.port();
  const auto me = sign_up(server.api, "flood@studio.test", "correct horse battery");
  const std::string healthz = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string whoami =
      "GET /api/me HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + me.token + "\r\n\r\n";

  // From 127.0.0.1, for as long as the flood lasts: two keep-alive clients time their
  // requests, and new connections time theirs (accepted behind the flood's).
  HttpConnection health_client(port), me_client(port);
  Samples health, whoami_samples, fresh;
  time_one(health_client, healthz, health);  // warm up, not counted
  time_one(me_client, whoami, whoami_samples);
  health = {};
  whoami_samples = {};
  std::atomic<bool> flooding{true};
  auto sampler = std::async(std::launch::async, [&] {
    while (flooding) {
      time_one(health_client, healthz, health);
      time_one(me_client, whoami, whoami_samples);
      time_fresh(port, healthz, fresh);
      std::this_thread::sleep_for(5ms);
    }
  });
  // Stops the sampler on every way out, so its references never dangle.
  struct StopSampler {
    std::atomic<bool>& flag;
    std::future<void>& task;
    ~StopSampler() {
      flag = false;
      if (task.valid()) task.wait();
    }
  } stop_sampler{flooding, sampler};

  Sockets sockets;
  int connect_failures = 0;
  const auto flood_start = Clock::now();
  for (int i = 0; i < flood; ++i) {
    const int fd = connect_from(port, "127.0.0.2");
    if (fd < 0)
      ++connect_failures;
    else
      sockets.add(fd);
  }
  const double connect_ms = ms_since(flood_start);
  // The server takes them from the accept queue at its pace: wait for every refusal.
  const auto expected_refused = static_cast<int>(sockets.fds().size()) - per_address;
  std::vector<Fate> fates(sockets.fds().size(), Fate::held);
  int refused = 0;
  for (auto deadline = Clock::now() + 20s; Clock::now() < deadline;) {
    for (std::size_t i = 0; i < fates.size(); ++i)
      if (fates[i] == Fate::held && (fates[i] = fate_of(sockets.fds()[i])) != Fate::held) ++refused;
    if (refused >= expected_refused) break;
    std::this_thread::sleep_for(5ms);
  }
  const double refused_ms = ms_since(flood_start);
  std::this_thread::sleep_for(1s);  // held a while longer, still sampled
  for (std::size_t i = 0; i < fates.size(); ++i)
    if (fates[i] == Fate::held) fates[i] = fate_of(sockets.fds()[i]);
  flooding = false;
  sampler.wait();

  const auto count = [&](Fate f) { return std::count(fates.begin(), fates.end(), f); };
  std::cout << "flood of " << flood << " from 127.0.0.2 (connects took " << connect_ms << " ms, "
            << connect_failures << " failed, all refusals in after " << refused_ms
            << " ms): " << count(Fate::held) << " held, " << count(Fate::refused_503)
            << " refused with 503, " << count(Fate::closed) << " closed without reply\n"
            << "GET /healthz meanwhile: " << health.ms.size() << " samples, median "
            << health.median() << " ms, max " << health.max() << " ms, " << health.failures
            << " failed\n"
            << "GET /api/me meanwhile: " << whoami_samples.ms.size() << " samples, median "
            << whoami_samples.median() << " ms, max " << whoami_samples.max() << " ms, "
            << whoami_samples.failures << " failed\n"
            << "GET /healthz on a new connection meanwhile: " << fresh.ms.size()
            << " samples, median " << fresh.median() << " ms, p90 " << fresh.percentile(90)
            << " ms, max " << fresh.max() << " ms, " << fresh.failures << " failed\n";
  EXPECT_EQ(connect_failures, 0);
  EXPECT_EQ(count(Fate::held), per_address);
  EXPECT_EQ(count(Fate::refused_503) + count(Fate::closed), flood - per_address);
  EXPECT_GE(health.ms.size(), 10u);
  EXPECT_GE(whoami_samples.ms.size(), 10u);
  EXPECT_EQ(health.failures + whoami_samples.failures + fresh.failures, 0);
  EXPECT_LT(health.max(), 100);
  EXPECT_LT(whoami_samples.max(), 100);
  // A new connection queues in the kernel behind whatever part of the flood the server has not
  // accepted yet, so the few made while it drains wait for that; the rest must not.
  EXPECT_LT(fresh.percentile(90), 100);
  EXPECT_LT(fresh.max(), refused_ms + 100);

  // The flood gone, the server serves as before, that address included.
  sockets.close_all();
  EXPECT_EQ(request(port, "GET", "/healthz").status, 200);
  bool served = false;
  for (int attempt = 0; attempt < 100 && !served; ++attempt) {
    HttpConnection again(port, "127.0.0.2");
    again.send(healthz);
    auto r = again.read(3s);
    served = r && r->status == 200;
    if (!served) std::this_thread::sleep_for(20ms);
  }
  EXPECT_TRUE(served);
  EXPECT_EQ(metric(metrics(port), "declic_http_connections_refused_total{reason=\"address\"}"),
            flood - per_address);
}

TEST(Limits, OneRouteCannotHoldTheWholeDatabasePool) {
  // A pool of 4: one route may hold 2 connections; slow requests beyond wait 1 s, then 503.
  Server server(Env{
      {"DB_POOL_SIZE", "4"}, {"DB_POOL_SHARE_PER_ROUTE", "50"}, {"DB_ACQUIRE_TIMEOUT_MS", "1000"}});
  const int port = server.port();
  const auto me = sign_up(server.api, "patient@studio.test", "correct horse battery");
  std::vector<std::future<HttpResponse>> slow;
  for (int i = 0; i < 8; ++i)
    slow.push_back(std::async(std::launch::async,
                              [port] { return request(port, "GET", "/api/test/slow?ms=2500"); }));
  std::this_thread::sleep_for(300ms);  // the burst is in: 2 sleeping, 6 waiting their turn

  std::vector<double> ms;
  for (int i = 0; i < 5; ++i) {
    const auto start = Clock::now();
    auto r = server.api.get("/api/me", me.token);
    ms.push_back(ms_since(start));
    EXPECT_EQ(r.status(), 200) << r.http.body;
  }
  int ok = 0, busy = 0;
  for (auto& f : slow) {
    auto r = f.get();
    if (r.status == 200) ++ok;
    if (r.status == 503 && !r.header("retry-after").empty()) ++busy;
  }
  const double max_ms = *std::max_element(ms.begin(), ms.end());
  std::cout << "GET /api/me during the burst: max " << max_ms << " ms; burst: " << ok << " served, "
            << busy << " refused 503\n";
  EXPECT_LT(max_ms, 300);
  EXPECT_EQ(ok, 2);
  EXPECT_EQ(busy, 6);
}

namespace {

// Descriptors a process has open.
long open_descriptors(pid_t pid) {
  const std::filesystem::path fds = "/proc/" + std::to_string(pid) + "/fd";
  return std::distance(std::filesystem::directory_iterator(fds),
                       std::filesystem::directory_iterator());
}

// CPU time a process has used (user + system), in clock ticks.
long cpu_ticks(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::stol(field);
    if (i == 15) stime = std::stol(field);
  }
  return utime + stime;
}

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(Limits, OutOfDescriptorsTheServerBreathesLogsOnceAndRecovers) {
  Server server(Env{{"FIRST_BYTE_TIMEOUT_MS", "120000"}});
  const pid_t pid = server.process.pid();
  // Fully up first: its database connections (the pool, the events' LISTEN) open after it
  // says "listening", and this test is about accept(2) alone.
  ASSERT_EQ(request(server.port(), "GET", "/readyz").status, 200);
  for (int i = 0; i < 250 && metric(metrics(server.port()), "declic_principal_cache_live") != 1;
       ++i)
    std::this_thread::sleep_for(20ms);
  ASSERT_EQ(metric(metrics(server.port()), "declic_principal_cache_live"), 1);
  // Leave the running server three spare descriptors (MAX_CONNECTIONS was fitted to the
  // limit it started with, so only accept(2) notices: EMFILE).
  rlimit before{}, tight{};
  ASSERT_EQ(::prlimit(pid, RLIMIT_NOFILE, nullptr, &before), 0);
  tight = before;
  tight.rlim_cur = static_cast<rlim_t>(open_descriptors(pid) + 3);
  ASSERT_EQ(::prlimit(pid, RLIMIT_NOFILE, &tight, nullptr), 0);
  struct Restore {
    pid_t pid;
    rlimit limit;
    ~Restore() { ::prlimit(pid, RLIMIT_NOFILE, &limit, nullptr); }
  } restore{pid, before};

  std::vector<std::unique_ptr<HttpConnection>> held;
  for (int i = 0; i < 10; ++i)  // the kernel completes them all; the server can take three
    held.push_back(std::make_unique<HttpConnection>(server.port(), "127.0.0.4"));
  const auto ticks = cpu_ticks(pid);
  std::this_thread::sleep_for(1s);
  const auto used_ms = (cpu_ticks(pid) - ticks) * 1000 / ::sysconf(_SC_CLK_TCK);
  EXPECT_LT(used_ms, 300) << "the accept loop must breathe, not spin";
  // One line per episode: a descriptor freed meanwhile (a connection the server closed) may end
  // one and start another, each said once.
  const auto failed = [&] {
    return occurrences(server.process.output(), "\"accept failed; retrying\"");
  };
  const auto again = [&] { return occurrences(server.process.output(), "\"accepting again\""); };
  EXPECT_GE(failed(), 1u) << server.process.output();
  EXPECT_EQ(failed(), again() + 1) << server.process.output();

  // Descriptors back: the waiting connections are taken and served, and it says so once.
  ::prlimit(pid, RLIMIT_NOFILE, &before, nullptr);
  for (auto& conn : held) {
    conn->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = conn->read(5s);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_TRUE(server.process.output_contains("\"accepting again\"", 2s));
  EXPECT_EQ(failed(), again()) << server.process.output();
}
