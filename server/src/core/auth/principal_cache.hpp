#pragma once
// The live principals this process has checked recently, so an authenticated read costs
// only its own query (docs/decisions.md, "One round trip for an authenticated read").
//
// What keeps it right: every change that ends or alters a principal publishes a domain
// event (user.*, session.ended). The server that makes the change forgets the user when its
// transaction commits, before it answers; every other server forgets it when the event
// reaches its live feed (NOTIFY, a few milliseconds). While that feed is not live — not yet
// listening, reconnecting, a read failed — nothing is cached and every request asks the
// database. A load that raced with a change is never stored: `ticket()` is taken before the
// query, and any change since makes the ticket stale. Entries also age out after `ttl`, a
// bound on what a change made outside the application (by hand, in SQL) can leave behind.
//
// Thread-safe: requests run on several threads.

#include "core/auth/principal.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace declic::core::auth {

struct PrincipalCacheOptions {
  std::size_t capacity = 10000;  // sessions; past it the cache starts over
  std::chrono::seconds ttl{60};
};

class PrincipalCache {
 public:
  using Ticket = std::uint64_t;

  explicit PrincipalCache(PrincipalCacheOptions options = {}) : options_(options) {}

  // The user of a live session of `user_id`, if known.
  std::optional<UserProfile> find(const std::string& session_id, std::string_view user_id) const;
  // Taken before loading a principal from the database; `store` needs it.
  Ticket ticket() const;
  // Keeps what was loaded under `ticket`, unless something changed since (or the feed is
  // not live). `session_expires_at` is in unix seconds.
  void store(Ticket ticket, const std::string& session_id, const UserProfile& user,
             std::int64_t session_expires_at);
  // A user's account or sessions changed: their entries go, pending loads are refused.
  void forget_user(std::string_view user_id);
  // Whether this process hears every change now. Either way, everything known is dropped.
  void set_live(bool live);

  struct Stats {
    std::uint64_t hits = 0, misses = 0;
    std::size_t entries = 0;
    bool live = false;
  };
  Stats stats() const;

 private:
  struct Entry {
    UserProfile user;
    std::int64_t session_expires_at = 0;
    std::chrono::steady_clock::time_point fresh_until;
  };
  const PrincipalCacheOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // by session id
  std::uint64_t generation_ = 1;                    // moves at every change
  bool live_ = false;
  mutable std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace declic::core::auth
