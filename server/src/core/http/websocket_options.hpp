#pragma once
#include <chrono>
#include <cstddef>

namespace declic::core::http {

struct WebSocketOptions {
  std::chrono::seconds handshake_timeout{30};
  std::chrono::seconds idle_timeout{60};  // Beast pings at half of it while a read is pending
  std::size_t max_message = 64 << 10;
  std::size_t max_queued_bytes = 1 << 20;  // unsent messages; beyond, the client is dropped
};

}  // namespace declic::core::http
