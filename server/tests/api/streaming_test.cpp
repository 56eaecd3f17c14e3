// Streamed bodies through the real server (test-only routes, APP_ENV=test): a request body
// handed to its route chunk by chunk (2 GiB with no growth of the server), files sent with
// sendfile under RFC 9110's ranges and validators, and generated bodies of an exact length.
#include "api_client.hpp"
#include "core/auth/tokens.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace declic::test;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

const std::string kPassword = "correct horse battery";

long peak_rss(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6)) * 1024;
  return -1;
}

// A plain socket to write a large body to (HttpConnection buffers what it reads).
int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) return -1;
  return fd;
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const auto n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

std::string read_response(int fd) {
  std::string out;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) {
    out.append(buf, static_cast<std::size_t>(n));
    const auto end = out.find("\r\n\r\n");
    if (end == std::string::npos) continue;
    const auto at = out.find("Content-Length: ");
    if (at == std::string::npos) break;
    if (out.size() >= end + 4 + std::stoul(out.substr(at + 16))) break;
  }
  return out;
}

std::string pattern(std::uint64_t from, std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((from + i) % 251);
  return s;
}

class Streaming : public ::testing::Test {
 protected:
  void SetUp() override {
    auto env = server_env(database.url());
    env["DATA_DIR"] = data_dir;
    // The sanitizer keeps freed blocks in a quarantine (256 MB by default): not the server's
    // memory. Off here, so the peak measured is what the server holds.
    env["ASAN_OPTIONS"] = "detect_leaks=1:quarantine_size_mb=0";
    fs::create_directories(data_dir + "/test-files");
    server = std::make_unique<ServerProcess>(env);
    api = std::make_unique<Api>(server->port());
    user = sign_up(*api, "streams@example.fr", kPassword);
  }
  void TearDown() override { fs::remove_all(data_dir); }

  TestDatabase database;
  const std::string data_dir = std::string(DECLIC_BUILD_DIR) + "/" + unique_name("data");
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<Api> api;
  StudioAccount user;
};

}  // namespace

TEST_F(Streaming, ATwoGibibyteBodyStreamsThroughWithoutGrowingTheServer) {
  constexpr std::uint64_t kSize = std::uint64_t(2) << 30;
  // A first, small body: whatever a streamed request allocates once is in the baseline.
  auto small = request(server->port(), "PUT", "/api/test/sink", std::string(100000, 'x'));
  ASSERT_EQ(small.status, 200) << small.body;
  const auto before = peak_rss(server->pid());

  const int fd = connect_to(server->port());
  ASSERT_GE(fd, 0);
  const std::string head =
      "PUT /api/test/sink HTTP/1.1\r\nHost: t\r\nContent-Length: " + std::to_string(kSize) +
      "\r\n\r\n";
  ASSERT_TRUE(write_all(fd, head.data(), head.size()));
  declic::core::auth::Sha256 sha;
  const std::string chunk = pattern(0, 251 * 4096);  // whole periods: every chunk is the same
  for (std::uint64_t sent = 0; sent < kSize;) {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), kSize - sent));
    ASSERT_TRUE(write_all(fd, chunk.data(), n)) << "after " << sent << " bytes";
    sha.update(std::string_view(chunk.data(), n));
    sent += n;
  }
  const auto reply = read_response(fd);
  ::close(fd);
  const auto hex = sha.hex();
  ASSERT_NE(reply.find("200 OK"), std::string::npos) << reply.substr(0, 300);
  const auto body = json::parse(reply.substr(reply.find("\r\n\r\n") + 4)).as_object();
  EXPECT_EQ(body.at("bytes").to_number<std::uint64_t>(), kSize);
  EXPECT_EQ(body.at("sha256").as_string(), hex);  // every byte, in order
  const auto after = peak_rss(server->pid());
  EXPECT_LT(after - before, 32L << 20) << "peak RSS " << before << " → " << after;
}

TEST_F(Streaming, AStreamedBodyKeepsItsLimitAndTheConnection) {
  // Over the route's limit (8 GiB), declared: 413 before a byte is read.
  HttpConnection refused(server->port());
  refused.send("PUT /api/test/sink HTTP/1.1\r\nHost: t\r\nContent-Length: 9663676416\r\n\r\n");
  auto over = refused.read();
  ASSERT_TRUE(over);
  EXPECT_EQ(over->status, 413);
  // Chunked, then another request on the same connection.
  HttpConnection conn(server->port());
  conn.send(
      "PUT /api/test/sink HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  auto chunked = conn.read();
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->status, 200);
  EXPECT_EQ(json::parse(chunked->body).at("bytes").to_number<std::uint64_t>(), 11u);
  conn.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n");
  auto next = conn.read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(Streaming, FilesAnswerRangesAndValidatorsAsRfc9110Says) {
  const std::string content = pattern(0, 100000);
  std::ofstream(data_dir + "/test-files/photo.bin", std::ios::binary) << content;
  const auto port = server->port();

  auto whole = request(port, "GET", "/api/test/files/photo.bin");
  ASSERT_EQ(whole.status, 200);
  EXPECT_EQ(whole.body, content);
  EXPECT_EQ(whole.header("accept-ranges"), "bytes");
  const auto etag = whole.header("etag");
  ASSERT_FALSE(etag.empty());

  auto part = request(port, "GET", "/api/test/files/photo.bin", "", {"Range: bytes=1000-1999"});
  EXPECT_EQ(part.status, 206);
  EXPECT_EQ(part.header("content-range"), "bytes 1000-1999/100000");
  EXPECT_EQ(part.body, content.substr(1000, 1000));

  auto tail = request(port, "GET", "/api/test/files/photo.bin", "", {"Range: bytes=-10"});
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body, content.substr(99990));

  auto open_ended = request(port, "GET", "/api/test/files/photo.bin", "", {"Range: bytes=99000-"});
  EXPECT_EQ(open_ended.status, 206);
  EXPECT_EQ(open_ended.body, content.substr(99000));

  auto beyond = request(port, "GET", "/api/test/files/photo.bin", "", {"Range: bytes=100000-"});
  EXPECT_EQ(beyond.status, 416);
  EXPECT_EQ(beyond.header("content-range"), "bytes */100000");
  EXPECT_EQ(beyond.header("content-type"), "application/problem+json");

  auto several = request(port, "GET", "/api/test/files/photo.bin", "", {"Range: bytes=0-1,5-6"});
  EXPECT_EQ(several.status, 200);  // several ranges: the whole file, as the RFC allows
  EXPECT_EQ(several.body.size(), content.size());

  auto unchanged =
      request(port, "GET", "/api/test/files/photo.bin", "", {"If-None-Match: " + etag});
  EXPECT_EQ(unchanged.status, 304);
  EXPECT_TRUE(unchanged.body.empty());

  auto stale = request(port, "GET", "/api/test/files/photo.bin", "",
                       {"Range: bytes=0-9", "If-Range: \"another-version\""});
  EXPECT_EQ(stale.status, 200);  // the client's copy changed: the whole file
  EXPECT_EQ(stale.body.size(), content.size());

  HttpConnection conn(port);
  conn.send("HEAD /api/test/files/photo.bin HTTP/1.1\r\nHost: t\r\n\r\n");
  auto head = conn.read(std::chrono::seconds(5), /*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->header("content-length"), "100000");
  EXPECT_TRUE(head->body.empty());
  conn.send("GET /api/test/files/photo.bin HTTP/1.1\r\nHost: t\r\nRange: bytes=5-9\r\n\r\n");
  auto kept = conn.read();  // the connection lives on after a HEAD and a sendfile
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->body, content.substr(5, 5));

  EXPECT_EQ(request(port, "GET", "/api/test/files/missing.bin").status, 404);
  EXPECT_EQ(request(port, "GET", "/api/test/files/..%2Fsecret").status, 404);
}

TEST_F(Streaming, GeneratedBodiesHaveExactlyTheirDeclaredLength) {
  HttpConnection conn(server->port());
  conn.send("GET /api/test/generated?bytes=3000000 HTTP/1.1\r\nHost: t\r\n\r\n");
  auto big = conn.read(std::chrono::seconds(20));
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 200);
  EXPECT_EQ(big->header("content-length"), "3000000");
  EXPECT_EQ(big->body, pattern(0, 3000000));
  conn.send("GET /api/test/generated?bytes=0 HTTP/1.1\r\nHost: t\r\n\r\n");
  auto empty = conn.read();
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 200);
  EXPECT_EQ(empty->header("content-length"), "0");
  EXPECT_EQ(request(server->port(), "GET", "/api/test/generated?bytes=x").status, 422);
}
