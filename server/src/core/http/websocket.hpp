#pragma once
// The WebSocket side of a connection, internal to core/http: Beast's websocket stream over
// the connection's TCP stream once a route's guards let the upgrade through. One write at a
// time, from a bounded queue (a client too slow to keep it bounded is closed, not buffered
// for); Beast's pings and idle timeout; no permessage-deflate (≈170 KB of zlib state each).

#include "core/http/http.hpp"
#include "core/http/websocket_options.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <optional>
#include <string>

namespace declic::core::http {

class WebSocketSession final : public WebSocket,
                               public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(boost::beast::tcp_stream stream, const WebSocketOptions& options);

  // The handshake answering `upgrade`; false when it failed (the socket is then unusable).
  boost::asio::awaitable<bool> accept(
      const boost::beast::http::request<boost::beast::http::string_body>& upgrade);
  // After the route's handler returned: a normal close (if still open), what is queued sent
  // first; returns once the socket is closed.
  boost::asio::awaitable<void> finish();
  // Closes the TCP connection at once (shutdown deadline passed). Thread-safe.
  void force_close();

  boost::asio::awaitable<std::optional<std::string>> receive() override;
  bool send(std::shared_ptr<const std::string> text) override;
  void close(std::uint16_t code, std::string reason) override;

 private:
  struct CloseRequest {
    std::uint16_t code;
    std::string reason;
  };
  // On the connection's strand.
  void enqueue(std::shared_ptr<const std::string> text);
  void request_close(std::uint16_t code, std::string reason);
  void pump();
  static boost::asio::awaitable<void> drain(std::shared_ptr<WebSocketSession> self);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  WebSocketOptions options_;
  boost::beast::flat_buffer read_buffer_;
  std::atomic<bool> open_{false};
  // Strand-only state.
  std::deque<std::shared_ptr<const std::string>> queue_;
  std::size_t queued_bytes_ = 0;
  bool draining_ = false;
  std::optional<CloseRequest> close_request_;
};

}  // namespace declic::core::http
