#pragma once
// A WebSocket client for the api suites (Beast, blocking with deadlines): the upgrade with
// extra headers, text messages, and the close code the server sent.

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace declic::test {

class WsClient {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  // Connects to 127.0.0.1:`port` and asks for the upgrade of `path`.
  WsClient(int port, const std::string& path, const Headers& headers = {});
  ~WsClient();
  WsClient(WsClient&&) noexcept;

  bool open() const;
  // The HTTP status when the upgrade was refused (0 when it was accepted).
  int refused_status() const;
  void send(const std::string& text);
  // The next message; nullopt when the socket closed or `timeout` passed (the socket stays
  // usable).
  std::optional<std::string> receive(std::chrono::milliseconds timeout = std::chrono::seconds(5));
  // The close code the server sent, once receive() saw the close.
  std::optional<int> close_code() const;
  bool closed() const;
  void close();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace declic::test
