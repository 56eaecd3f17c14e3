#include "core/events/live_hub.hpp"

#include <boost/json.hpp>

#include <vector>

namespace declic::core::events {

std::uint64_t LiveHub::add(Viewer viewer, std::string types, Deliver deliver) {
  std::lock_guard lock(mutex_);
  const auto id = next_id_++;
  connections_.emplace(id, Connection{std::move(viewer), std::move(types), std::move(deliver)});
  return id;
}

void LiveHub::remove(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  connections_.erase(id);
}

std::size_t LiveHub::size() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

std::string LiveHub::frame(const StoredEvent& e, std::string_view public_type) {
  return boost::json::serialize(
      boost::json::object{{"id", e.id}, {"type", public_type}, {"data", e.data}});
}

void LiveHub::publish(const StoredEvent& e, std::string_view public_type) {
  Frame encoded;  // once, and only if someone may see it
  std::vector<std::uint64_t> gone;
  std::lock_guard lock(mutex_);
  for (auto& [id, c] : connections_) {
    if (!matches(c.types, e.type) || !c.viewer.may_see(e.audience)) continue;
    if (!encoded) encoded = std::make_shared<const std::string>(frame(e, public_type));
    if (!c.deliver(e.id, encoded)) gone.push_back(id);
  }
  for (auto id : gone) connections_.erase(id);
}

}  // namespace declic::core::events
