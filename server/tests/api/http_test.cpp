// The HTTP core through the real `declic` binary: limits, malformed input, request framing
// (no smuggling), timeouts, keep-alive, headers, forwarded addresses, errors, static files,
// health, metrics and docs.
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <zlib.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>

using namespace declic::test;
using namespace std::chrono_literals;

namespace {

// One server for the whole suite: a fresh database, a small web build, a short read timeout.
class Http : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_error = guarded_setup([] {
      database = new TestDatabase();
      web_dir = std::string(DECLIC_BUILD_DIR) + "/" + unique_name("web");
      write(web_dir + "/index.html", "<!doctype html><title>Déclic</title>");
      write(web_dir + "/assets/app-3f2a1b.js", "console.log('app')");
      // Stand-ins for the build's compressed twins: the server picks one, never decodes it.
      write(web_dir + "/assets/app-3f2a1b.js.br", "brotli bytes");
      write(web_dir + "/assets/app-3f2a1b.js.gz", "gzip bytes");
      write(web_dir + "/index.html.gz", "gzipped shell");
      write(web_dir + "/robots.txt", "User-agent: *");
      write(web_dir + "/api-docs/index.html", "<html>swagger</html>");
      write(web_dir + "/api-docs/init.js", "// init");
      auto env = server_env(database->url());
      env["WEB_DIR"] = web_dir;
      env["READ_TIMEOUT_MS"] = "700";
      server = new ServerProcess(env);
    });
  }
  void SetUp() override { ASSERT_EQ(setup_error, "") << "the suite's set-up failed"; }
  static void TearDownTestSuite() {
    delete server;
    delete database;
    std::filesystem::remove_all(web_dir);
  }
  static void write(const std::string& path, const std::string& content) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << content;
  }
  static int port() { return server->port(); }

  // `raw` then a second, smuggled request in the same write: the server answers `raw` alone
  // with `status` (problem+json, Connection: close) and closes, never serving the second.
  static void expect_refused_alone(const std::string& raw, int status = 400) {
    SCOPED_TRACE(raw);
    HttpConnection conn(port());
    conn.send(raw +
              "GET /api/me HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = conn.read(5s);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, status) << r->body;
    EXPECT_EQ(r->header("content-type"), "application/problem+json");
    EXPECT_EQ(r->header("connection"), "close");
    EXPECT_FALSE(conn.read(3s)) << "a second response: the smuggled request was served";
    EXPECT_TRUE(conn.closed_by_peer(2s));
  }

  static void expect_problem(const HttpResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
    auto body = boost::json::parse(r.body).as_object();
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_EQ(body.at("code").as_string(), code);
    EXPECT_TRUE(body.contains("type") && body.contains("title") && body.contains("detail"));
  }

  static inline std::string setup_error;
  static inline TestDatabase* database = nullptr;
  static inline ServerProcess* server = nullptr;
  static inline std::string web_dir;
};

}  // namespace

TEST_F(Http, HealthAndReadiness) {
  auto health = request(port(), "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  auto ready = request(port(), "GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.header("content-type"), "application/json");
}

TEST_F(Http, StudioProfileComesFromTheDatabase) {
  auto r = request(port(), "GET", "/api/studio");
  ASSERT_EQ(r.status, 200);
  auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body.at("name").as_string(), "Studio Déclic");
  EXPECT_EQ(body.at("timeZone").as_string(), "Europe/Paris");
  EXPECT_EQ(body.at("currency").as_string(), "EUR");
}

TEST_F(Http, UnknownApiRouteIsProblem404) {
  expect_problem(request(port(), "GET", "/api/nothing/here"), 404, "not_found");
  expect_problem(request(port(), "DELETE", "/api/nothing"), 404, "not_found");
}

TEST_F(Http, WrongMethodIs405WithAllow) {
  auto r = request(port(), "POST", "/api/studio", "{}");
  expect_problem(r, 405, "method_not_allowed");
  EXPECT_EQ(r.header("allow"), "GET, HEAD");
}

TEST_F(Http, SecurityHeadersOnEveryResponse) {
  for (const auto& target : {"/healthz", "/api/nothing", "/", "/assets/app-3f2a1b.js"}) {
    auto r = request(port(), "GET", target);
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(r.header("referrer-policy"), "no-referrer") << target;
    EXPECT_EQ(r.header("x-frame-options"), "DENY") << target;
    const auto csp = r.header("content-security-policy");
    for (const auto* part : {"object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"})
      EXPECT_NE(csp.find(part), std::string::npos) << target << ": " << csp;
    EXPECT_TRUE(r.header("strict-transport-security").empty());  // http: no HSTS
    EXPECT_FALSE(r.header("date").empty());
  }
  EXPECT_EQ(request(port(), "GET", "/api/nothing").header("cache-control"), "no-store");
}

TEST_F(Http, RequestIdIsGeneratedOrKeptWhenPlain) {
  auto generated = request(port(), "GET", "/healthz");
  EXPECT_GE(generated.header("x-request-id").size(), 16u);
  auto kept = request(port(), "GET", "/healthz", "", {"X-Request-Id: trace-abc_123.4"});
  EXPECT_EQ(kept.header("x-request-id"), "trace-abc_123.4");
  auto replaced = request(port(), "GET", "/healthz", "", {"X-Request-Id: bad id\"<script>"});
  EXPECT_NE(replaced.header("x-request-id").find_first_not_of("0123456789abcdef-"), 0u);
  EXPECT_EQ(replaced.header("x-request-id").find('<'), std::string::npos);
  // The access log has one JSON line for it, path without query string.
  request(port(), "GET", "/healthz?token=secret", "", {"X-Request-Id: log-check-1"});
  ASSERT_TRUE(server->output_contains("\"requestId\":\"log-check-1\"", 2s));
  const auto out = server->output();
  const auto line_start = out.rfind('\n', out.find("log-check-1")) + 1;
  const auto line = out.substr(line_start, out.find('\n', line_start) - line_start);
  auto entry = boost::json::parse(line).as_object();
  EXPECT_EQ(entry.at("msg").as_string(), "request");
  EXPECT_EQ(entry.at("path").as_string(), "/healthz");
  EXPECT_EQ(entry.at("status").as_int64(), 200);
  EXPECT_EQ(line.find("secret"), std::string::npos);
}

TEST_F(Http, BodyOverOneMebibyteIs413) {
  // Declared too large: refused before the body is sent.
  HttpConnection declared(port());
  declared.send("POST /api/studio HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n");
  auto r = declared.read();
  ASSERT_TRUE(r);
  expect_problem(*r, 413, "payload_too_large");
  EXPECT_TRUE(declared.closed_by_peer(2s));

  // The client sends its whole body anyway: it still reads the 413, not a reset.
  HttpConnection eager(port());
  eager.send("POST /api/studio HTTP/1.1\r\nHost: x\r\nContent-Length: 3000000\r\n\r\n");
  try {
    eager.send(std::string(3000000, 'z'));
  } catch (...) {  // tolerated: what matters is the reply below
  }
  auto eager_reply = eager.read();
  ASSERT_TRUE(eager_reply) << "the 413 must survive the unread body";
  expect_problem(*eager_reply, 413, "payload_too_large");

  // Chunked, so the size is only known while reading.
  HttpConnection chunked(port());
  chunked.send("POST /api/nothing HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  const std::string chunk(256 * 1024, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  HttpResponse got;
  try {
    for (int i = 0; i < 8; ++i) chunked.send(size + chunk + "\r\n");
  } catch (...) {  // the server may close while we still send
  }
  auto r2 = chunked.read();
  ASSERT_TRUE(r2);
  expect_problem(*r2, 413, "payload_too_large");

  // Exactly at the limit is accepted (and routed: here a 404).
  auto at_limit = request(port(), "POST", "/api/nothing", std::string(1 << 20, 'b'));
  EXPECT_EQ(at_limit.status, 404);
}

TEST_F(Http, HugeHeadersAre431) {
  HttpConnection conn(port());
  conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'h') + "\r\n\r\n");
  auto r = conn.read();
  ASSERT_TRUE(r);
  expect_problem(*r, 431, "headers_too_large");
}

TEST_F(Http, MalformedRequestsAre400AndTheServerLivesOn) {
  for (const std::string& raw :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET /healthz HTTP/9.9\r\n\r\n"),
        std::string("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
        std::string("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
        std::string("GET /healthz HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string(
            "POST /api/studio HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")}) {
    HttpConnection conn(port());
    conn.send(raw);
    auto r = conn.read(5s);
    ASSERT_TRUE(r) << raw;
    EXPECT_EQ(r->status, 400) << raw;
    EXPECT_EQ(r->header("content-type"), "application/problem+json") << raw;
  }
  EXPECT_EQ(request(port(), "GET", "/healthz").status, 200);
}

TEST_F(Http, TransferEncodingNotEndingInChunkedIsRefusedAndNothingAfterItIsRead) {
  // Read as a body by one parser and as the next request by another: refused, connection closed.
  const std::string post = "POST /api/nothing HTTP/1.1\r\nHost: x\r\n";
  for (const std::string te : {"gzip", "identity", "chunked, gzip", "chunked, chunked", "xchunked",
                               "chunked;q=1", "", "\"chunked\""})
    expect_refused_alone(post + "Transfer-Encoding: " + te + "\r\n\r\n");
  // Split over lines, the last coding decides; chunked twice is refused too.
  expect_refused_alone(post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n");
  expect_refused_alone(post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n");
  // Framed well, but a coding the server cannot undo: 501 (RFC 9112 §6.1), closed all the same.
  expect_refused_alone(
      post + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501);
  expect_refused_alone(post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501);
}

TEST_F(Http, TransferEncodingWithContentLengthIsRefused) {
  const std::string post = "POST /api/nothing HTTP/1.1\r\nHost: x\r\n";
  // Beast refuses these two orders itself; the server refuses every order.
  expect_refused_alone(post + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n");
  expect_refused_alone(post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
  // Beast would frame this one by its Content-Length.
  expect_refused_alone(post + "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n\r\nhello");
  expect_refused_alone(post + "Content-Length: 5\r\nTransfer-Encoding: gzip\r\n\r\nhello");
}

TEST_F(Http, TransferEncodingInHttp10IsRefused) {
  expect_refused_alone(
      "POST /api/nothing HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
}

TEST_F(Http, ContentLengthsThatDisagreeAreRefused) {
  const std::string post = "POST /api/nothing HTTP/1.1\r\nHost: x\r\n";
  expect_refused_alone(post + "Content-Length: 5\r\nContent-Length: 40\r\n\r\nhello");
  expect_refused_alone(post + "Content-Length: 5, 40\r\n\r\nhello");
  // The same value twice is one length (RFC 9110 §8.6): served, and the connection goes on.
  HttpConnection conn(port());
  conn.send(post + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello" +
            "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto first = conn.read(5s);
  auto second = conn.read(5s);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->status, 404);
  EXPECT_EQ(second->status, 200);
}

TEST_F(Http, Http11NeedsExactlyOneHost) {
  expect_refused_alone("GET /healthz HTTP/1.1\r\n\r\n");
  expect_refused_alone("GET /healthz HTTP/1.1\r\nHost: a.test\r\nHost: b.test\r\n\r\n");
  expect_refused_alone("GET /healthz HTTP/1.1\r\nHost: a.test, b.test\r\n\r\n");
  // HTTP/1.0 may leave it out.
  HttpConnection old(port());
  old.send("GET /healthz HTTP/1.0\r\n\r\n");
  auto r = old.read(5s);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(Http, ChunkedBodiesAndKeepAliveStillWork) {
  HttpConnection conn(port());
  // A streamed route and a buffered one, chunked, then a plain request: one connection.
  conn.send(
      "PUT /api/test/sink HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  auto sink = conn.read(5s);
  ASSERT_TRUE(sink);
  EXPECT_EQ(sink->status, 200) << sink->body;
  EXPECT_NE(sink->body.find("\"bytes\":11"), std::string::npos) << sink->body;
  conn.send(
      "POST /api/nothing HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
      "3\r\nabc\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  auto buffered = conn.read(5s);
  auto next = conn.read(5s);
  ASSERT_TRUE(buffered && next);
  EXPECT_EQ(buffered->status, 404);
  EXPECT_EQ(buffered->header("connection"), "");
  EXPECT_EQ(next->status, 200);
  EXPECT_FALSE(conn.closed_by_peer(300ms));
}

TEST_F(Http, ForwardedForLinesFromATrustedProxyAreOneList) {
  // A second server on the same database, believing 127.0.0.1 (as behind a local nginx).
  auto env = server_env(database->url());
  env["TRUSTED_PROXIES"] = "127.0.0.1";
  ServerProcess behind_proxy(env);
  // Two lines: the client's claim, then the address the outer proxy saw. Read as one list,
  // the rightmost entry that is not a trusted proxy is the client.
  request(behind_proxy.port(), "GET", "/healthz", "",
          {"X-Forwarded-For: 203.0.113.7", "X-Forwarded-For: 198.51.100.9, 127.0.0.1",
           "X-Request-Id: xff-lines-1"});
  ASSERT_TRUE(behind_proxy.output_contains("\"requestId\":\"xff-lines-1\"", 2s));
  const auto out = behind_proxy.output();
  const auto start = out.rfind('\n', out.find("xff-lines-1")) + 1;
  auto entry = boost::json::parse(out.substr(start, out.find('\n', start) - start)).as_object();
  EXPECT_EQ(entry.at("remote").as_string(), "198.51.100.9");
}

TEST_F(Http, SlowClientsAreCutAfterTheReadTimeout) {
  HttpConnection slow(port());
  slow.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  const auto start = std::chrono::steady_clock::now();
  // Meanwhile others are served.
  EXPECT_EQ(request(port(), "GET", "/healthz").status, 200);
  EXPECT_TRUE(slow.closed_by_peer(5s));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_GE(took, 500ms);
  EXPECT_LT(took, 3s);

  HttpConnection slow_body(port());
  slow_body.send("POST /api/nothing HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
  EXPECT_TRUE(slow_body.closed_by_peer(5s));
}

TEST_F(Http, KeepAliveServesSeveralRequestsOnOneConnection) {
  HttpConnection conn(port());
  for (int i = 0; i < 3; ++i) {
    conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = conn.read();
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, 200);
  }
  // Pipelined: two requests in one write, two answers in order.
  conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /api/studio HTTP/1.1\r\nHost: x\r\n\r\n");
  auto a = conn.read();
  auto b = conn.read();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->body, R"({"status":"ok"})");
  EXPECT_NE(b->body.find("timeZone"), std::string::npos);
  // Connection: close is honoured.
  conn.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(conn.read());
  EXPECT_TRUE(conn.closed_by_peer(2s));
}

TEST_F(Http, StaticFilesWithCachePoliciesAndClientRouteFallback) {
  auto index = request(port(), "GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.header("cache-control"), "no-cache");
  EXPECT_NE(index.body.find("Déclic"), std::string::npos);

  auto asset = request(port(), "GET", "/assets/app-3f2a1b.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("cache-control"), "public, max-age=31536000, immutable");

  auto route = request(port(), "GET", "/clients/42/edit");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, index.body);

  EXPECT_EQ(request(port(), "GET", "/robots.txt").body, "User-agent: *");
  expect_problem(request(port(), "GET", "/assets/missing-123.js"), 404, "not_found");

  auto head = request(port(), "HEAD", "/");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.header("content-length"), std::to_string(index.body.size()));
  EXPECT_TRUE(head.body.empty());
}

TEST_F(Http, StaticFilesSendTheBestCompressedTwinTheClientAccepts) {
  const auto get = [&](const std::string& target, const std::string& accept) {
    return request(port(), "GET", target, "", {"Accept-Encoding: " + accept});
  };
  const std::string js = "/assets/app-3f2a1b.js";
  auto br = get(js, "gzip, deflate, br");
  EXPECT_EQ(br.body, "brotli bytes");
  EXPECT_EQ(br.header("content-encoding"), "br");
  EXPECT_EQ(br.header("vary"), "Accept-Encoding");
  EXPECT_EQ(br.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(br.header("cache-control"), "public, max-age=31536000, immutable");

  auto gz = get(js, "gzip");
  EXPECT_EQ(gz.body, "gzip bytes");
  EXPECT_EQ(gz.header("content-encoding"), "gzip");
  EXPECT_EQ(get(js, "br;q=0, gzip;q=0.5").body, "gzip bytes");
  EXPECT_EQ(get(js, "*").body, "brotli bytes");
  EXPECT_EQ(get(js, "*;q=0, identity").body, "console.log('app')");

  auto plain = request(port(), "GET", js);
  EXPECT_EQ(plain.body, "console.log('app')");
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  // The shell of a client-side route too; a file without twins says nothing of encodings.
  auto shell = get("/projects/7", "br, gzip");
  EXPECT_EQ(shell.body, "gzipped shell");
  EXPECT_EQ(shell.header("content-encoding"), "gzip");
  auto robots = get("/robots.txt", "br, gzip");
  EXPECT_EQ(robots.body, "User-agent: *");
  EXPECT_EQ(robots.header("vary"), "");
  EXPECT_EQ(robots.header("content-encoding"), "");
}

namespace {
// A gzip member back to its bytes (zlib's own inflate, told to expect a gzip header).
std::string gunzip(const std::string& packed) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) return {};
  std::string out(packed.size() * 20 + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  return status == Z_STREAM_END ? out : std::string("(not a whole gzip member)");
}
}  // namespace

TEST_F(Http, AnswersOfAKilobyteOrMoreAreGzippedForWhoAcceptsIt) {
  const auto plain = request(port(), "GET", "/api/openapi.yaml");
  ASSERT_EQ(plain.status, 200);
  ASSERT_GT(plain.body.size(), 1024u);
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(plain.header("vary"), "Accept-Encoding");

  const auto packed =
      request(port(), "GET", "/api/openapi.yaml", "", {"Accept-Encoding: gzip, br"});
  EXPECT_EQ(packed.header("content-encoding"), "gzip");
  EXPECT_EQ(packed.header("content-type"), plain.header("content-type"));
  EXPECT_LT(packed.body.size(), plain.body.size() / 3);
  EXPECT_EQ(gunzip(packed.body), plain.body);
  // HEAD tells the length GET would send.
  const auto head = request(port(), "HEAD", "/api/openapi.yaml", "", {"Accept-Encoding: gzip"});
  EXPECT_EQ(head.header("content-length"), std::to_string(packed.body.size()));

  // Not asked, refused, or too small to gain: sent as is.
  EXPECT_EQ(request(port(), "GET", "/api/openapi.yaml", "", {"Accept-Encoding: gzip;q=0"})
                .header("content-encoding"),
            "");
  const auto small = request(port(), "GET", "/healthz", "", {"Accept-Encoding: gzip"});
  EXPECT_EQ(small.header("content-encoding"), "");
  EXPECT_EQ(small.body, R"({"status":"ok"})");
}

TEST_F(Http, StaticServingNeverLeavesItsFolder) {
  for (const auto* target : {"/../CMakeCache.txt", "/%2e%2e/CMakeCache.txt", "/assets/../../x",
                             "/.env", "/..%2fCMakeCache.txt"}) {
    auto r = request(port(), "GET", target);
    EXPECT_TRUE(r.status == 404 || r.status == 400 ||
                (r.status == 200 && r.body.find("Déclic") != std::string::npos))
        << target << " " << r.status;
    EXPECT_EQ(r.body.find("CMAKE"), std::string::npos) << target;
  }
}

TEST_F(Http, MetricsCountRequestsByRouteAndStatus) {
  request(port(), "GET", "/api/studio");
  request(port(), "GET", "/api/nothing");
  // A request is counted once its reply is written: the client may ask a moment earlier.
  HttpResponse r;
  for (int i = 0; i < 50; ++i) {
    r = request(port(), "GET", "/metrics");
    if (r.body.find("route=\"unmatched\",status=\"404\"") != std::string::npos) break;
    std::this_thread::sleep_for(20ms);
  }
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/plain; version=0.0.4");
  for (const auto* needle :
       {"declic_http_requests_total{method=\"GET\",route=\"/api/studio\",status=\"200\"}",
        "declic_http_requests_total{method=\"ANY\",route=\"unmatched\",status=\"404\"}",
        "declic_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/"
        "studio\",le=\"+Inf\"}",
        "declic_db_pool_open ", "declic_db_pool_in_use ", "declic_db_pool_max ",
        "process_resident_memory_bytes "})
    EXPECT_NE(r.body.find(needle), std::string::npos) << needle;
}

TEST_F(Http, OpenApiDocumentAndDocsPage) {
  auto yaml = request(port(), "GET", "/api/openapi.yaml");
  EXPECT_EQ(yaml.status, 200);
  EXPECT_EQ(yaml.header("content-type"), "application/yaml");
  EXPECT_EQ(yaml.body.rfind("openapi: 3", 0), 0u);
  EXPECT_NE(yaml.body.find("/api/studio"), std::string::npos);
  auto page = request(port(), "GET", "/api/docs");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "<html>swagger</html>");
  EXPECT_EQ(request(port(), "GET", "/api/docs/init.js").status, 200);
  expect_problem(request(port(), "GET", "/api/docs/nope.js"), 404, "not_found");
}
