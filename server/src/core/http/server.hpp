#pragma once
// The HTTP/1.1 server: an acceptor and one coroutine per connection on its own strand.
// A connection is admitted under two caps (per process, per address group) or answered 503
// at once. Each request: wait for its first byte (idle, cancellable at shutdown) → headers
// (size limit, read timeout) → framing checks (no smuggling) → route and guards → body (the
// route's limit: read whole, or handed to the route chunk by chunk) → handler (at most so
// many per route at once) → reply (a buffered body, a file through sendfile, or produced
// bytes) with the security headers, a request id, an access-log line and metrics. A
// WebSocket route takes the connection over after its guards.

#include "core/http/router.hpp"
#include "core/http/websocket_options.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace declic::core::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t body_limit = 1 << 20;  // default per request; routes may raise theirs
  std::size_t header_limit = 16 << 10;
  std::chrono::milliseconds read_timeout{10000};  // headers and body: slow clients are cut
  std::chrono::milliseconds idle_timeout{60000};  // keep-alive between requests
  // A new connection must send its first byte within this (a silent one holds a descriptor).
  std::chrono::milliseconds first_byte_timeout{5000};
  // Open connections per process, and per address group (core/util/address.hpp) of the peer;
  // a trusted proxy's connections count only against the first. At the process cap the
  // connection idle the longest is closed to make room; with none idle, and over the
  // address cap, a new connection is answered 503 and closed.
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 256;
  // Handlers of one route running at once (0: unbounded), and how long a request waits for
  // its turn before a 503: a share of the database pool, so that one kind of request cannot
  // hold every connection. WebSocket and streamed-body routes are not counted.
  std::size_t route_concurrency = 0;
  std::chrono::milliseconds route_wait{2000};
  bool hsts = false;  // public URL is https
  bool access_log = true;
  // Peers whose X-Forwarded-For is believed (the load balancer): the client address is then
  // the rightmost entry that is not itself a trusted proxy.
  std::vector<std::string> trusted_proxies;
  // Scheme, host and port users reach ("https://studio.example"): a WebSocket upgrade whose
  // Origin is another site is refused (cross-site WebSocket hijacking). Empty: not checked.
  std::string public_origin;
  WebSocketOptions websocket;
};

// The client's address: the peer, or what trusted proxies in front of it say.
std::string client_address(const std::string& peer, std::string_view forwarded_for,
                           const std::vector<std::string>& trusted_proxies);

// Every line of a header, in order, joined with ", " (RFC 9110 §5.3: lines of a list-based
// field are one list). Empty when absent.
std::string joined_header(const Headers& headers, std::string_view lower_name);

// Why a request's framing cannot be trusted, or nullopt (RFC 9112 §6.1, §6.3; RFC 9110 §7.2).
// A body whose length two parsers could read differently is how a second, hidden request
// is smuggled onto a connection: such a request is refused and its connection closed.
std::optional<Error> framing_error(unsigned version, const Headers& headers);

class Server {
 public:
  Server(boost::asio::io_context& ioc, const Router& router, ServerOptions options);
  ~Server();

  // Binds and starts accepting; returns the bound port (useful with port 0).
  std::uint16_t start();
  // Stops accepting, closes idle keep-alive connections; requests in flight finish and
  // their connections close after the reply.
  void begin_shutdown();
  std::size_t open_connections() const;
  // Closes whatever is still open (after the shutdown deadline).
  void force_close();

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace declic::core::http
