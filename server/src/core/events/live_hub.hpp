#pragma once
// The live connections of one server process and the events each may see: the Bus's live
// listener hands committed events to publish(), which encodes each once as the frame
// `{"id": N, "type": "<public type>", "data": {…}}` and passes it to every connection whose
// viewer may see it and whose type filter matches the event's own type. Thread-safe; a
// connection's `deliver` must not block (a WebSocket queues the frame on its own strand).

#include "core/events/events.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace declic::core::events {

class LiveHub {
 public:
  using Frame = std::shared_ptr<const std::string>;
  // False when the connection is gone: it is then dropped. `id` is the event's.
  using Deliver = std::function<bool(std::int64_t id, const Frame& frame)>;

  // `types`: a subscription pattern (events.hpp: exact, or "prefix.*").
  std::uint64_t add(Viewer viewer, std::string types, Deliver deliver);
  void remove(std::uint64_t id);
  void publish(const StoredEvent& e, std::string_view public_type);
  std::size_t size() const;

  // The frame a client receives for `e`.
  static std::string frame(const StoredEvent& e, std::string_view public_type);

 private:
  struct Connection {
    Viewer viewer;
    std::string types;
    Deliver deliver;
  };
  mutable std::mutex mutex_;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, Connection> connections_;
};

}  // namespace declic::core::events
