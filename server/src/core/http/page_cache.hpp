#pragma once
// The bodies of signed-in reads this process answered recently, by viewer and request target,
// so that reading again a page nothing has changed since costs no query (docs/decisions.md,
// "Pages kept until a change").
//
// What keeps it right is what keeps the principal cache right (core/auth/principal_cache.hpp):
// every write to a row a kept page reads publishes a domain event in its transaction, and any
// committed event forgets every page — on the server that made the change when it commits,
// before it answers; on the others when the event reaches their live feed. While that feed is
// not live, nothing is kept. A load that raced with a change is never kept: `find` hands out a
// ticket before the load, and any change since makes it stale. A page whose content depends
// on the clock says until when it holds. Pages also age out after `ttl`, a bound on what a
// change made outside the application (by hand, in SQL) can leave behind.
//
// Thread-safe: requests run on several threads.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace declic::core::http {

struct PageCacheOptions {
  std::size_t max_bytes = std::size_t{8} << 20;  // of bodies; past it the cache starts over
  std::chrono::seconds ttl{60};
};

class PageCache {
 public:
  using Clock = std::chrono::system_clock;

  struct Lookup {
    std::string key;
    std::shared_ptr<const std::string> body;  // the kept page; null on a miss
    std::uint64_t ticket = 0;                 // for `keep`, after a miss
  };

  explicit PageCache(PageCacheOptions options = {}) : options_(options) {}

  // The page `viewer` was last answered for `target` (path and query), if still kept.
  Lookup find(std::string_view viewer, std::string_view target) const;
  // Keeps the body loaded after `missed`, unless something changed since (or the feed is not
  // live). `until`: when the page stops being true whatever happens (nullopt: only `ttl`).
  void keep(const Lookup& missed, std::string_view body,
            std::optional<Clock::time_point> until = std::nullopt);
  // Something changed: every page goes, and loads under way are not kept.
  void forget_all();
  // Whether this process hears every change now. Either way, every page goes.
  void set_live(bool live);

  struct Stats {
    std::uint64_t hits = 0, misses = 0;
    std::size_t pages = 0, bytes = 0;
    bool live = false;
  };
  Stats stats() const;

 private:
  struct Page {
    std::shared_ptr<const std::string> body;
    Clock::time_point fresh_until;
  };
  void clear();  // with mutex_ held

  const PageCacheOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Page> pages_;
  std::size_t bytes_ = 0;
  std::uint64_t generation_ = 1;  // moves at every change; 0 is "do not keep"
  bool live_ = false;
  mutable std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace declic::core::http
