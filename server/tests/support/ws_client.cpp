#include "ws_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <stdexcept>

namespace declic::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

struct WsClient::Impl {
  asio::io_context ioc;
  websocket::stream<tcp::socket> ws{ioc};
  beast::flat_buffer buffer;
  int refused = 0;
  bool open = false, closed = false, reading = false;
  std::deque<std::string> received;
  std::optional<int> close_code;
};

WsClient::WsClient(int port, const std::string& path, const Headers& headers)
    : impl_(std::make_unique<Impl>()) {
  auto& s = *impl_;
  s.ws.next_layer().connect(
      tcp::endpoint(asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  s.ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
    for (const auto& [name, value] : headers) req.set(name, value);
  }));
  websocket::response_type res;
  boost::system::error_code ec;
  s.ws.handshake(res, "127.0.0.1:" + std::to_string(port), path, ec);
  if (ec) {
    s.refused = res.result_int() ? static_cast<int>(res.result_int()) : -1;
    return;
  }
  s.open = true;
}

WsClient::~WsClient() = default;
WsClient::WsClient(WsClient&&) noexcept = default;

bool WsClient::open() const {
  return impl_->open && !impl_->closed;
}
int WsClient::refused_status() const {
  return impl_->refused;
}
bool WsClient::closed() const {
  return impl_->closed;
}
std::optional<int> WsClient::close_code() const {
  return impl_->close_code;
}

void WsClient::send(const std::string& text) {
  impl_->ws.text(true);
  impl_->ws.write(asio::buffer(text));
}

// A read stays pending across calls: a timeout leaves the socket usable.
std::optional<std::string> WsClient::receive(std::chrono::milliseconds timeout) {
  auto& s = *impl_;
  if (s.received.empty() && s.open && !s.closed && !s.reading) {
    s.reading = true;
    s.ws.async_read(s.buffer, [&s](boost::system::error_code ec, std::size_t) {
      s.reading = false;
      if (ec) {
        s.closed = true;
        if (ec == websocket::error::closed) s.close_code = s.ws.reason().code;
        return;
      }
      s.received.push_back(beast::buffers_to_string(s.buffer.data()));
      s.buffer.consume(s.buffer.size());
    });
  }
  if (s.reading) {
    s.ioc.restart();
    s.ioc.run_for(timeout);
  }
  if (s.received.empty()) return std::nullopt;
  auto text = std::move(s.received.front());
  s.received.pop_front();
  return text;
}

void WsClient::close() {
  auto& s = *impl_;
  if (!s.open || s.closed) return;
  s.ws.async_close(websocket::close_code::normal, [](boost::system::error_code) {});
  s.ioc.restart();
  s.ioc.run_for(std::chrono::seconds(5));
  s.closed = true;
}

}  // namespace declic::test
