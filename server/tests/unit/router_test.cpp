#include "core/http/router.hpp"
#include "core/http/connection_limits.hpp"
#include "core/http/gate.hpp"
#include "core/http/server.hpp"
#include "core/util/address.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

using namespace declic::core::http;

namespace {
Handler noop() {
  return [](Request&) -> boost::asio::awaitable<Response> { co_return Response::no_content(); };
}
}  // namespace

TEST(Router, MatchesLiteralPathsAndExtractsParameters) {
  Router r;
  r.get("/api/bookings", noop());
  r.post("/api/bookings/{id}/confirm", noop());
  auto m = r.match("POST", "/api/bookings/42/confirm");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern(), "/api/bookings/{id}/confirm");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "id");
  EXPECT_EQ(m.params[0].second, "42");
}

TEST(Router, IgnoresEmptySegmentsAndTrailingSlashes) {
  Router r;
  r.get("/api/services", noop());
  EXPECT_NE(r.match("GET", "/api/services/").route, nullptr);
  EXPECT_NE(r.match("GET", "//api//services").route, nullptr);
}

TEST(Router, UnknownPathHasNoRouteAndNoAllow) {
  Router r;
  r.get("/api/services", noop());
  auto m = r.match("GET", "/api/servicez");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allow.empty());
  EXPECT_EQ(r.match("GET", "/api/services/1/2").route, nullptr);
}

TEST(Router, WrongMethodListsAllowedMethodsOnce) {
  Router r;
  r.get("/api/things/{id}", noop());
  r.patch("/api/things/{id}", noop());
  r.del("/api/things/{id}", noop());
  auto m = r.match("POST", "/api/things/7");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allow, (std::vector<std::string>{"GET", "HEAD", "PATCH", "DELETE"}));
}

TEST(Router, HeadIsServedByGet) {
  Router r;
  r.get("/healthz", noop());
  auto m = r.match("HEAD", "/healthz");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method(), "GET");
}

TEST(Router, LiteralSegmentsMustMatchExactly) {
  Router r;
  r.get("/api/users/{id}/overview", noop());
  EXPECT_EQ(r.match("GET", "/api/users/1/overvie").route, nullptr);
  EXPECT_NE(r.match("GET", "/api/users/1/overview").route, nullptr);
}

TEST(Router, RoutesKeepTheirGuardsAndBodyLimit) {
  Router r;
  auto& route =
      r.post("/api/uploads", noop())
          .body_limit(64 << 20)
          .guard([](Request&) -> boost::asio::awaitable<std::optional<declic::core::Error>> {
            co_return declic::core::Error::unauthorized();
          });
  EXPECT_EQ(route.max_body(), std::optional<std::size_t>(64 << 20));
  ASSERT_EQ(route.guards().size(), 1u);
  Request req;
  boost::asio::io_context ioc;
  std::optional<declic::core::Error> refused;
  boost::asio::co_spawn(
      ioc, [&]() -> boost::asio::awaitable<void> { refused = co_await route.guards()[0](req); },
      boost::asio::detached);
  ioc.run();
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->errc, declic::core::Errc::unauthorized);
}

TEST(SplitPath, SplitsOnSlashes) {
  EXPECT_EQ(split_path("/a/b/c"), (std::vector<std::string_view>{"a", "b", "c"}));
  EXPECT_TRUE(split_path("/").empty());
}

TEST(ClientAddress, BelievesForwardedForOnlyFromTrustedProxies) {
  const std::vector<std::string> proxies{"10.0.0.2", "10.0.0.3"};
  EXPECT_EQ(client_address("203.0.113.9", "1.2.3.4", proxies), "203.0.113.9");  // not a proxy
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.7", proxies), "198.51.100.7");
  // A client cannot choose its address by prepending entries: the rightmost untrusted wins.
  EXPECT_EQ(client_address("10.0.0.2", "6.6.6.6, 198.51.100.7", proxies), "198.51.100.7");
  EXPECT_EQ(client_address("10.0.0.2", "198.51.100.7, 10.0.0.3", proxies), "198.51.100.7");
  EXPECT_EQ(client_address("10.0.0.2", "", proxies), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "not-an-ip", proxies), "10.0.0.2");
  EXPECT_EQ(client_address("10.0.0.2", "2001:db8::1", proxies), "2001:db8::1");
}

TEST(AddressGroup, CountsAnIpv6SubscriberAsItsSlash64) {
  using declic::core::address_group;
  EXPECT_EQ(address_group("203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(address_group("::ffff:203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(address_group("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_group("2001:db8:1:2::1"), address_group("2001:db8:1:2:ffff::9"));
  EXPECT_NE(address_group("2001:db8:1:2::1"), address_group("2001:db8:1:3::1"));
  EXPECT_EQ(address_group("not-an-ip"), "not-an-ip");
}

TEST(AddressGroup, ADualStackPeerIsWrittenAsTheProxyListIsWritten) {
  using declic::core::unmapped;
  EXPECT_EQ(unmapped("::ffff:127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(unmapped("127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(unmapped("::1"), "::1");
  EXPECT_EQ(unmapped("2001:db8::1"), "2001:db8::1");
}

TEST(ClientAddress, ForwardedForLinesAreOneList) {
  // Two proxies may each add a line: read as one list, the rightmost untrusted entry wins.
  const Headers headers{{"host", "x"},
                        {"x-forwarded-for", "203.0.113.7"},
                        {"x-request-id", "a"},
                        {"x-forwarded-for", "198.51.100.9, 10.0.0.3"}};
  EXPECT_EQ(joined_header(headers, "x-forwarded-for"), "203.0.113.7, 198.51.100.9, 10.0.0.3");
  EXPECT_EQ(joined_header(headers, "forwarded"), "");
  const std::vector<std::string> proxies{"10.0.0.2", "10.0.0.3"};
  EXPECT_EQ(client_address("10.0.0.2", joined_header(headers, "x-forwarded-for"), proxies),
            "198.51.100.9");
}

namespace {
using declic::core::Errc;

Headers with_host(Headers more) {
  more.insert(more.begin(), {"host", "studio.test"});
  return more;
}

std::optional<Errc> framing(unsigned version, const Headers& headers) {
  auto error = framing_error(version, headers);
  return error ? std::optional<Errc>(error->errc) : std::nullopt;
}
}  // namespace

TEST(Framing, PlainRequestsPass) {
  EXPECT_EQ(framing(11, with_host({})), std::nullopt);
  EXPECT_EQ(framing(11, with_host({{"content-length", "5"}})), std::nullopt);
  EXPECT_EQ(framing(11, with_host({{"transfer-encoding", "chunked"}})), std::nullopt);
  EXPECT_EQ(framing(11, with_host({{"transfer-encoding", " Chunked "}})), std::nullopt);
  EXPECT_EQ(framing(11, {{"host", ""}}), std::nullopt);  // empty is allowed (RFC 9112 §3.2)
  EXPECT_EQ(framing(10, {}), std::nullopt);              // HTTP/1.0 needs no Host
}

TEST(Framing, TransferEncodingMustEndInChunked) {
  for (const auto* te : {"gzip", "identity", "chunked, gzip", "", " , ", "chunked;q=1", "garbage"})
    EXPECT_EQ(framing(11, with_host({{"transfer-encoding", te}})), Errc::bad_request) << te;
  // Split over lines, the list is what counts: its last coding is not chunked.
  EXPECT_EQ(
      framing(11, with_host({{"transfer-encoding", "chunked"}, {"transfer-encoding", "gzip"}})),
      Errc::bad_request);
  // chunked applied twice.
  EXPECT_EQ(
      framing(11, with_host({{"transfer-encoding", "chunked"}, {"transfer-encoding", "chunked"}})),
      Errc::bad_request);
  EXPECT_EQ(framing(11, with_host({{"transfer-encoding", "chunked, chunked"}})), Errc::bad_request);
  // Well framed, but a coding we cannot undo: 501 (RFC 9112 §6.1).
  EXPECT_EQ(framing(11, with_host({{"transfer-encoding", "gzip, chunked"}})),
            Errc::not_implemented);
}

TEST(Framing, TransferEncodingWithContentLengthOrInHttp10IsRefused) {
  EXPECT_EQ(framing(11, with_host({{"transfer-encoding", "chunked"}, {"content-length", "5"}})),
            Errc::bad_request);
  EXPECT_EQ(framing(11, with_host({{"content-length", "5"}, {"transfer-encoding", "gzip"}})),
            Errc::bad_request);
  EXPECT_EQ(framing(10, {{"transfer-encoding", "chunked"}}), Errc::bad_request);
}

TEST(Framing, OneHostWithOneHost) {
  EXPECT_EQ(framing(11, {}), Errc::bad_request);
  EXPECT_EQ(framing(11, {{"host", "a.test"}, {"host", "b.test"}}), Errc::bad_request);
  EXPECT_EQ(framing(10, {{"host", "a.test"}, {"host", "a.test"}}), Errc::bad_request);
  EXPECT_EQ(framing(11, {{"host", "a.test, b.test"}}), Errc::bad_request);
}

TEST(ConnectionLimits, CapsPerAddressGroupThenInAll) {
  using Verdict = ConnectionLimits::Verdict;
  ConnectionLimits limits(3, 2);
  EXPECT_EQ(limits.check("203.0.113.9"), Verdict::admit);
  limits.add("203.0.113.9");
  limits.add("203.0.113.9");
  EXPECT_EQ(limits.check("203.0.113.9"), Verdict::over_address);
  EXPECT_EQ(limits.check("198.51.100.7"), Verdict::admit);
  limits.add("");  // a trusted proxy: counted in all only
  EXPECT_EQ(limits.total(), 3u);
  // Full: the address cap is reported first, so an over-cap client never displaces others.
  EXPECT_EQ(limits.check("203.0.113.9"), Verdict::over_address);
  EXPECT_EQ(limits.check("198.51.100.7"), Verdict::over_total);
  EXPECT_EQ(limits.check(""), Verdict::over_total);
  limits.remove("203.0.113.9");
  EXPECT_EQ(limits.count("203.0.113.9"), 1u);
  EXPECT_EQ(limits.check("203.0.113.9"), Verdict::admit);
  limits.remove("203.0.113.9");
  limits.remove("");
  EXPECT_EQ(limits.total(), 0u);
  EXPECT_EQ(limits.count("203.0.113.9"), 0u);
}

namespace {
namespace asio = boost::asio;

// Enters `gate`, records whether it got in, holds the place for `hold`, then leaves.
asio::awaitable<void> visit(Gate& gate, std::chrono::milliseconds patience,
                            std::chrono::milliseconds hold, std::vector<int>& log, int id) {
  const bool entered = co_await gate.enter(patience);
  log.push_back(entered ? id : -id);
  if (!entered) co_return;
  asio::steady_timer t(co_await asio::this_coro::executor, hold);
  co_await t.async_wait(asio::use_awaitable);
  gate.leave();
}
}  // namespace

TEST(Gate, AdmitsUpToItsLimitThenInArrivalOrderThenTimesOut) {
  using namespace std::chrono_literals;
  asio::io_context ioc;
  Gate gate(2);
  std::vector<int> log;
  // 1 and 2 enter at once and hold 100 ms; 3 and 4 wait their turn (500 ms patience); 5
  // waits only 30 ms and gives up.
  for (int id = 1; id <= 4; ++id)
    asio::co_spawn(asio::make_strand(ioc), visit(gate, 500ms, 100ms, log, id), asio::detached);
  asio::co_spawn(asio::make_strand(ioc), visit(gate, 30ms, 0ms, log, 5), asio::detached);
  ioc.run();
  EXPECT_EQ(log, (std::vector<int>{1, 2, -5, 3, 4}));
  EXPECT_EQ(gate.inside(), 0u);
  EXPECT_EQ(gate.waiting(), 0u);
}
