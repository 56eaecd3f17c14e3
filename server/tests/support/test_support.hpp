#pragma once
// Shared helpers for the integration and api suites: the PostgreSQL started by the CTest
// fixture, fresh databases in it, a raw-socket HTTP client (so tests can send malformed and
// slow requests), the real `declic` binary as a child process, and a way to run coroutines.

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace declic::test {

// `s` as one word for /bin/sh.
std::string shell_quote(const std::string& s);
// What `command` prints (stdout; add 2>&1 for stderr); throws with it when it fails.
std::string capture(const std::string& command);

// ---- PostgreSQL -------------------------------------------------------------------------

// URL of the fixture's cluster (its `declic` database).
std::string cluster_url();
// A URL for database `name` on the same cluster.
std::string database_url(const std::string& name);
// Runs SQL through psql on the fixture cluster's maintenance database; returns the output.
std::string psql(const std::string& url, const std::string& sql);

// A fresh, empty database on the fixture cluster, dropped on destruction.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string name_, url_;
};

// A cluster of its own, for tests that stop and restart PostgreSQL.
class PrivateCluster {
 public:
  PrivateCluster();
  ~PrivateCluster();
  void start();
  void stop();
  const std::string& url() const { return url_; }

 private:
  std::string dir_, port_, url_;
};

// ---- HTTP -------------------------------------------------------------------------------

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const;
};

class HttpConnection {
 public:
  explicit HttpConnection(int port);  // throws when the connection is refused
  // From another loopback address (127.0.0.2…: all of 127/8 is local on Linux), so that a
  // test has an address of its own for per-address limits.
  HttpConnection(int port, const std::string& from_address);
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;
  ~HttpConnection();
  void send(const std::string& raw);
  // Reads one response; nullopt when the connection closed or `timeout` passed first.
  std::optional<HttpResponse> read(std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                   bool head = false);
  // True when the server closed the connection within `timeout`.
  bool closed_by_peer(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
HttpResponse request(int port, const std::string& method, const std::string& target,
                     const std::string& body = "",
                     const std::vector<std::string>& extra_headers = {});
bool can_connect(int port);

// ---- The server binary ------------------------------------------------------------------

class ServerProcess {
 public:
  // Starts `declic serve` with PORT=0 and `env` on top of a minimal environment.
  explicit ServerProcess(std::map<std::string, std::string> env, bool expect_listening = true);
  ~ServerProcess();

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  void signal(int sig);
  // Waits for the process to end; returns its exit code (or -1 on timeout).
  int wait_exit(std::chrono::milliseconds timeout);
  std::string output() const;  // stdout and stderr so far
  bool output_contains(const std::string& text, std::chrono::milliseconds wait = {}) const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  int out_fd_ = -1;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::string output_;
  bool exited_ = false;
  int exit_code_ = -1;
};

inline constexpr const char* kTestJwtSecret =
    "83528033eabca32d181d77352d562d5729e3cabfce6bc3949009741312c5312f";
inline constexpr const char* kTestOrigin = "http://declic.test";

// Environment for a server on a fresh database: test JWT key, a .eml mail folder (MAIL_DIR)
// and a DATA_DIR of its own under <build>/test-runs, PUBLIC_URL http://declic.test (the
// Origin refresh and logout must carry).
std::map<std::string, std::string> server_env(const std::string& database_url);

// ---- Coroutines ---------------------------------------------------------------------------

template <class T>
T run(boost::asio::io_context& ioc, boost::asio::awaitable<T> work) {
  std::optional<T> out;
  std::exception_ptr failure;
  boost::asio::co_spawn(
      ioc, [&]() -> boost::asio::awaitable<void> { out.emplace(co_await std::move(work)); },
      [&](std::exception_ptr e) { failure = e; });
  ioc.restart();
  ioc.run();
  if (failure) std::rethrow_exception(failure);
  return std::move(*out);
}

std::string unique_name(const std::string& prefix);

// Runs a fixture's SetUpTestSuite body and returns what went wrong ("" when nothing did), for
// the fixture's SetUp to fail each test with: gtest reports the tests of a suite whose set-up
// threw as *skipped*, which CTest counts as neither passed nor failed.
template <class F>
std::string guarded_setup(F setup) {
  try {
    setup();
    return {};
  } catch (const std::exception& e) {
    return e.what();
  }
}
// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();
// A TCP socket to 127.0.0.1:`port` from `from_address`, connected (blocking); -1 on failure.
int connect_from(int port, const std::string& from_address);

}  // namespace declic::test
