#include "core/http/connection_limits.hpp"

namespace declic::core::http {

ConnectionLimits::Verdict ConnectionLimits::check(const std::string& group) const {
  if (!group.empty() && count(group) >= max_per_address_) return Verdict::over_address;
  if (total_ >= max_total_) return Verdict::over_total;
  return Verdict::admit;
}

void ConnectionLimits::add(const std::string& group) {
  ++total_;
  if (!group.empty()) ++per_group_[group];
}

void ConnectionLimits::remove(const std::string& group) {
  if (total_ > 0) --total_;
  if (group.empty()) return;
  auto it = per_group_.find(group);
  if (it == per_group_.end()) return;
  if (--it->second == 0) per_group_.erase(it);
}

std::size_t ConnectionLimits::count(const std::string& group) const {
  auto it = per_group_.find(group);
  return it == per_group_.end() ? 0 : it->second;
}

}  // namespace declic::core::http
