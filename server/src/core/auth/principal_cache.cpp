#include "core/auth/principal_cache.hpp"

namespace declic::core::auth {

namespace {

constexpr PrincipalCache::Ticket kNoTicket = 0;  // generations start at 1

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::optional<UserProfile> PrincipalCache::find(const std::string& session_id,
                                                std::string_view user_id) const {
  std::lock_guard lock(mutex_);
  const auto found = entries_.find(session_id);
  const bool usable = found != entries_.end() && found->second.user.id == user_id &&
                      found->second.fresh_until > std::chrono::steady_clock::now() &&
                      found->second.session_expires_at > now_unix();
  ++(usable ? hits_ : misses_);
  if (!usable) return std::nullopt;
  return found->second.user;
}

PrincipalCache::Ticket PrincipalCache::ticket() const {
  std::lock_guard lock(mutex_);
  return live_ ? generation_ : kNoTicket;
}

void PrincipalCache::store(Ticket ticket, const std::string& session_id, const UserProfile& user,
                           std::int64_t session_expires_at) {
  std::lock_guard lock(mutex_);
  if (!live_ || ticket != generation_) return;
  if (entries_.size() >= options_.capacity) entries_.clear();
  entries_.insert_or_assign(
      session_id, Entry{user, session_expires_at, std::chrono::steady_clock::now() + options_.ttl});
}

void PrincipalCache::forget_user(std::string_view user_id) {
  std::lock_guard lock(mutex_);
  ++generation_;
  std::erase_if(entries_, [user_id](const auto& e) { return e.second.user.id == user_id; });
}

void PrincipalCache::set_live(bool live) {
  std::lock_guard lock(mutex_);
  live_ = live;
  ++generation_;
  entries_.clear();
}

PrincipalCache::Stats PrincipalCache::stats() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, entries_.size(), live_};
}

}  // namespace declic::core::auth
