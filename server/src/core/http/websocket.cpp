#include "core/http/websocket.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket.hpp>

namespace declic::core::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

namespace {
constexpr auto kFinishPoll = 10ms;
constexpr auto kFinishDeadline = 5s;  // a peer that never answers the close frame
}  // namespace

WebSocketSession::WebSocketSession(beast::tcp_stream stream, const WebSocketOptions& options)
    : ws_(std::move(stream)), options_(options) {}

asio::awaitable<bool> WebSocketSession::accept(
    const beast::http::request<beast::http::string_body>& upgrade) {
  // From here on the websocket's own timeouts apply, not the HTTP ones.
  beast::get_lowest_layer(ws_).expires_never();
  auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
  timeouts.handshake_timeout = options_.handshake_timeout;
  timeouts.idle_timeout = options_.idle_timeout;
  ws_.set_option(timeouts);
  ws_.read_message_max(options_.max_message);
  ws_.set_option(websocket::stream_base::decorator(
      [](websocket::response_type& res) { res.set(beast::http::field::server, "declic"); }));
  boost::system::error_code ec;
  co_await ws_.async_accept(upgrade, asio::redirect_error(asio::use_awaitable, ec));
  open_ = !ec;
  co_return !ec;
}

asio::awaitable<std::optional<std::string>> WebSocketSession::receive() {
  if (!open_) co_return std::nullopt;
  boost::system::error_code ec;
  co_await ws_.async_read(read_buffer_, asio::redirect_error(asio::use_awaitable, ec));
  if (ec) {
    open_ = false;
    co_return std::nullopt;
  }
  auto text = beast::buffers_to_string(read_buffer_.data());
  read_buffer_.consume(read_buffer_.size());
  read_buffer_.shrink_to_fit();  // idle sockets keep no message-sized buffer
  co_return text;
}

bool WebSocketSession::send(std::shared_ptr<const std::string> text) {
  if (!open_) return false;
  asio::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
    self->enqueue(std::move(text));
  });
  return true;
}

void WebSocketSession::close(std::uint16_t code, std::string reason) {
  asio::post(ws_.get_executor(),
             [self = shared_from_this(), code, r = std::move(reason)]() mutable {
               self->request_close(code, std::move(r));
             });
}

void WebSocketSession::force_close() {
  asio::post(ws_.get_executor(), [self = shared_from_this()] {
    self->open_ = false;
    boost::system::error_code ec;
    beast::get_lowest_layer(self->ws_).socket().close(ec);
  });
}

void WebSocketSession::enqueue(std::shared_ptr<const std::string> text) {
  if (!open_ || close_request_) return;
  queued_bytes_ += text->size();
  queue_.push_back(std::move(text));
  if (queued_bytes_ > options_.max_queued_bytes) {
    // It does not read what it is sent: a close frame would wait behind the queue too.
    queue_.clear();
    queued_bytes_ = 0;
    open_ = false;
    boost::system::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
    return;
  }
  pump();
}

void WebSocketSession::request_close(std::uint16_t code, std::string reason) {
  if (!open_ || close_request_) return;
  close_request_ = CloseRequest{code, std::move(reason)};
  pump();
}

void WebSocketSession::pump() {
  if (draining_) return;
  draining_ = true;
  asio::co_spawn(ws_.get_executor(), drain(shared_from_this()), asio::detached);
}

// The one writer: queued messages in order, then the close frame if one was asked for.
asio::awaitable<void> WebSocketSession::drain(std::shared_ptr<WebSocketSession> self) {
  boost::system::error_code ec;
  while (self->open_ && !self->queue_.empty()) {
    auto text = std::move(self->queue_.front());
    self->queue_.pop_front();
    self->queued_bytes_ -= text->size();
    self->ws_.text(true);
    co_await self->ws_.async_write(asio::buffer(*text),
                                   asio::redirect_error(asio::use_awaitable, ec));
    if (ec) self->open_ = false;
  }
  if (self->open_ && self->close_request_) {
    const websocket::close_reason reason(
        static_cast<websocket::close_code>(self->close_request_->code),
        self->close_request_->reason);
    co_await self->ws_.async_close(reason, asio::redirect_error(asio::use_awaitable, ec));
    self->open_ = false;
  }
  self->draining_ = false;
}

asio::awaitable<void> WebSocketSession::finish() {
  // A close() the handler asked for just before returning is posted: let it go first.
  co_await asio::post(ws_.get_executor(), asio::use_awaitable);
  request_close(websocket::close_code::normal, "");
  asio::steady_timer timer(ws_.get_executor());
  const auto deadline = std::chrono::steady_clock::now() + kFinishDeadline;
  while ((open_ || draining_) && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(kFinishPoll);
    boost::system::error_code ec;
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  boost::system::error_code ec;
  beast::get_lowest_layer(ws_).socket().close(ec);
}

}  // namespace declic::core::http
