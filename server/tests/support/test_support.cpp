#include "test_support.hpp"

#include "core/util/leak_suppressions.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

DECLIC_LEAK_SUPPRESSIONS

namespace declic::test {

using Clock = std::chrono::steady_clock;

namespace {
std::string read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string capture(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buf{};
  while (auto n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  const int status = pclose(p);
  if (status != 0) throw std::runtime_error("command failed: " + command + "\n" + out);
  return out;
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// The process id and a counter, and the start time: a later run reusing the pid must not find
// an earlier run's folder (a mail directory left behind would answer with an old mail).
std::string unique_name(const std::string& prefix) {
  static const auto started = std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count();
  static std::atomic<int> counter{0};
  return prefix + "_" + std::to_string(::getpid()) + "_" + std::to_string(started) + "_" +
         std::to_string(counter++);
}

// ---- PostgreSQL -------------------------------------------------------------------------

std::string cluster_url() {
  const char* file = std::getenv("DECLIC_TEST_PG_URL_FILE");
  if (!file) throw std::runtime_error("DECLIC_TEST_PG_URL_FILE is not set (run through ctest)");
  return read_file(file);
}

std::string database_url(const std::string& name) {
  auto url = cluster_url();
  const auto at = url.find("/declic?");
  return url.substr(0, at) + "/" + name + url.substr(at + 7);
}

std::string psql(const std::string& url, const std::string& sql) {
  return capture("psql -qtA -v ON_ERROR_STOP=1 " + shell_quote(url) + " -c " + shell_quote(sql) +
                 " 2>&1");
}

TestDatabase::TestDatabase() : name_(unique_name("t")), url_(database_url(name_)) {
  psql(cluster_url(), "CREATE DATABASE " + name_);
}

TestDatabase::~TestDatabase() {
  try {
    psql(cluster_url(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
  }
}

PrivateCluster::PrivateCluster()
    : dir_(std::string(DECLIC_BUILD_DIR) + "/" + unique_name("pg-private")),
      port_(std::to_string(free_port())) {}

PrivateCluster::~PrivateCluster() {
  try {
    stop();
    const auto location = dir_ + "/location";
    std::string home = dir_;
    if (std::ifstream in(location); in) std::getline(in, home);
    capture("rm -rf " + shell_quote(home) + " " + shell_quote(dir_));
  } catch (...) {
  }
}

void PrivateCluster::start() {
  url_ = capture(std::string(DECLIC_SOURCE_DIR) + "/scripts/pg-local start " + shell_quote(dir_) +
                 " " + port_);
  while (!url_.empty() && url_.back() == '\n') url_.pop_back();
}

void PrivateCluster::stop() {
  capture(std::string(DECLIC_SOURCE_DIR) + "/scripts/pg-local stop " + shell_quote(dir_) + " " +
          port_);
}

// ---- HTTP -------------------------------------------------------------------------------

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

HttpConnection::HttpConnection(int port) : HttpConnection(port, "127.0.0.1") {}

HttpConnection::HttpConnection(int port, const std::string& from_address) {
  fd_ = connect_from(port, from_address);
  if (fd_ < 0)
    throw std::runtime_error("cannot connect to port " + std::to_string(port) + " from " +
                             from_address);
}

int connect_from(int port, const std::string& from_address) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in from{};
  from.sin_family = AF_INET;
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::inet_pton(AF_INET, from_address.c_str(), &from.sin_addr) == 1 &&
                  ::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0 &&
                  ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
  if (ok) return fd;
  ::close(fd);
  return -1;
}

HttpConnection::~HttpConnection() {
  ::close(fd_);
}

void HttpConnection::send(const std::string& raw) {
  std::size_t sent = 0;
  while (sent < raw.size()) {
    const auto n = ::send(fd_, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("send failed");
    sent += static_cast<std::size_t>(n);
  }
}

namespace {
// Reads more bytes into `buffer`; false on close, error or deadline.
bool fill(int fd, std::string& buffer, Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
  char buf[16384];
  const auto n = ::recv(fd, buf, sizeof buf, 0);
  if (n <= 0) return false;
  buffer.append(buf, static_cast<std::size_t>(n));
  return true;
}
}  // namespace

std::optional<HttpResponse> HttpConnection::read(std::chrono::milliseconds timeout, bool head) {
  const auto deadline = Clock::now() + timeout;
  std::size_t end;
  while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
    if (!fill(fd_, buffer_, deadline)) return std::nullopt;
  HttpResponse res;
  std::istringstream lines(buffer_.substr(0, end));
  std::string line;
  std::getline(lines, line);
  if (line.size() < 12) return std::nullopt;
  res.status = std::stoi(line.substr(9, 3));
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    res.headers[name] = value;
  }
  buffer_.erase(0, end + 4);
  const auto length_header = res.header("content-length");
  const std::size_t length = head || length_header.empty() ? 0 : std::stoul(length_header);
  while (buffer_.size() < length)
    if (!fill(fd_, buffer_, deadline)) return std::nullopt;
  res.body = buffer_.substr(0, length);
  buffer_.erase(0, length);
  return res;
}

bool HttpConnection::closed_by_peer(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[4096];
    const auto n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return true;
    buffer_.append(buf, static_cast<std::size_t>(n));
  }
}

HttpResponse request(int port, const std::string& method, const std::string& target,
                     const std::string& body, const std::vector<std::string>& extra_headers) {
  HttpConnection conn(port);
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
  for (const auto& h : extra_headers) raw += h + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
    raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  raw += "\r\n" + body;
  conn.send(raw);
  auto res = conn.read(std::chrono::seconds(15), method == "HEAD");
  if (!res) throw std::runtime_error("no response to " + method + " " + target);
  return *res;
}

bool can_connect(int port) {
  try {
    HttpConnection conn(port);
    return true;
  } catch (...) {
    return false;
  }
}

// ---- The server binary ------------------------------------------------------------------

std::map<std::string, std::string> server_env(const std::string& database_url) {
  const auto run_dir = std::string(DECLIC_BUILD_DIR) + "/test-runs/" + unique_name("server");
  return {{"DATABASE_URL", database_url},
          {"APP_ENV", "test"},
          {"JWT_SECRET", kTestJwtSecret},
          {"MAIL_DIR", run_dir + "/mail"},
          {"DATA_DIR", run_dir + "/data"},
          {"PUBLIC_URL", "http://declic.test"},
          {"HOST", "127.0.0.1"},
          {"PORT", "0"},
          {"THREADS", "2"},
          // Every test client comes from 127.0.0.1: the abuse limits are lifted unless a
          // test sets its own.
          {"REGISTER_LIMIT_PER_ADDRESS", "100000"},
          {"REGISTER_LIMIT_GLOBAL", "100000"},
          {"BOOKING_LIMIT_PER_USER", "100000"},
          {"BOOKING_LIMIT_PER_ADDRESS", "100000"},
          {"WEB_DIR", std::string(DECLIC_BUILD_DIR) + "/no-web-dir"}};
}

ServerProcess::ServerProcess(std::map<std::string, std::string> env, bool expect_listening) {
  int pipefd[2];
  if (::pipe(pipefd) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> vars;
  for (const char* keep : {"PATH", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LANG"})
    if (const char* v = std::getenv(keep); v && !env.contains(keep))
      vars.push_back(std::string(keep) + "=" + v);
  vars.push_back("DECLIC_ENV_FILE=/nonexistent/.env");
  for (const auto& [k, v] : env) vars.push_back(k + "=" + v);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(pipefd[1], 1);
    ::dup2(pipefd[1], 2);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    std::vector<char*> envp;
    for (auto& v : vars) envp.push_back(v.data());
    envp.push_back(nullptr);
    char* argv[] = {const_cast<char*>(DECLIC_BIN), const_cast<char*>("serve"), nullptr};
    ::execve(DECLIC_BIN, argv, envp.data());
    _exit(127);
  }
  ::close(pipefd[1]);
  out_fd_ = pipefd[0];
  reader_ = std::thread([this] {
    char buf[4096];
    ssize_t n;
    while ((n = ::read(out_fd_, buf, sizeof buf)) > 0) {
      std::lock_guard lock(mutex_);
      output_.append(buf, static_cast<std::size_t>(n));
    }
  });
  if (!expect_listening) return;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (Clock::now() < deadline) {
    {
      std::lock_guard lock(mutex_);
      const auto at = output_.find("\"msg\":\"listening\"");
      if (at != std::string::npos) {
        const auto p = output_.find("\"port\":", at);
        port_ = std::stoi(output_.substr(p + 7));
        return;
      }
    }
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      throw std::runtime_error("server exited before listening:\n" + output());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("server did not start listening:\n" + output());
}

ServerProcess::~ServerProcess() {
  if (!exited_ && pid_ > 0) {
    ::kill(pid_, SIGTERM);
    if (wait_exit(std::chrono::seconds(10)) == -1) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  if (reader_.joinable()) reader_.join();
  ::close(out_fd_);
}

void ServerProcess::signal(int sig) {
  ::kill(pid_, sig);
}

int ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (exited_) return exit_code_;
  const auto deadline = Clock::now() + timeout;
  while (Clock::now() < deadline) {
    int status;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exited_ = true;
      exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      return exit_code_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

std::string ServerProcess::output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

bool ServerProcess::output_contains(const std::string& text, std::chrono::milliseconds wait) const {
  const auto deadline = Clock::now() + wait;
  do {
    if (output().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  } while (Clock::now() < deadline);
  return false;
}

}  // namespace declic::test
