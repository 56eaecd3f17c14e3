#include "core/http/router.hpp"
#include "core/http/server.hpp"
#include "core/util/address.hpp"

#include <gtest/gtest.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

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
