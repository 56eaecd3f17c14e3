#pragma once
// The HTTP/1.1 server: an acceptor and one coroutine per connection on its own strand.
// Each request: wait for its first byte (idle, cancellable at shutdown) → headers (size
// limit, read timeout) → route and guards → body (the route's limit: read whole, or handed
// to the route chunk by chunk) → handler → reply (a buffered body, a file through sendfile,
// or produced bytes) with the security headers, a request id, an access-log line and
// metrics. A WebSocket route takes the connection over after its guards.

#include "core/http/router.hpp"
#include "core/http/websocket_options.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
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
  bool hsts = false;                              // public URL is https
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
