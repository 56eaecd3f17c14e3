#include "core/http/page_cache.hpp"

namespace declic::core::http {

namespace {

constexpr std::uint64_t kDoNotKeep = 0;  // generations start at 1

// The viewer and the target, apart: a target holds no line feed (the parser refuses it).
std::string key_of(std::string_view viewer, std::string_view target) {
  std::string key;
  key.reserve(viewer.size() + 1 + target.size());
  key.append(viewer).append(1, '\n').append(target);
  return key;
}

}  // namespace

PageCache::Lookup PageCache::find(std::string_view viewer, std::string_view target) const {
  Lookup out{key_of(viewer, target), nullptr, kDoNotKeep};
  std::lock_guard lock(mutex_);
  const auto found = pages_.find(out.key);
  if (found != pages_.end() && found->second.fresh_until > Clock::now()) {
    ++hits_;
    out.body = found->second.body;
    return out;
  }
  ++misses_;
  if (live_) out.ticket = generation_;
  return out;
}

void PageCache::keep(const Lookup& missed, std::string_view body,
                     std::optional<Clock::time_point> until) {
  auto page = std::make_shared<const std::string>(body);
  const auto aged = Clock::now() + options_.ttl;
  const auto fresh_until = until ? std::min(*until, aged) : aged;
  std::lock_guard lock(mutex_);
  if (!live_ || missed.ticket != generation_) return;
  if (body.size() > options_.max_bytes) return;
  if (auto old = pages_.find(missed.key); old != pages_.end()) bytes_ -= old->second.body->size();
  if (bytes_ + body.size() > options_.max_bytes) clear();
  pages_.insert_or_assign(missed.key, Page{std::move(page), fresh_until});
  bytes_ += body.size();
}

void PageCache::forget_all() {
  std::lock_guard lock(mutex_);
  ++generation_;
  clear();
}

void PageCache::set_live(bool live) {
  std::lock_guard lock(mutex_);
  live_ = live;
  ++generation_;
  clear();
}

void PageCache::clear() {
  pages_.clear();
  bytes_ = 0;
}

PageCache::Stats PageCache::stats() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, pages_.size(), bytes_, live_};
}

}  // namespace declic::core::http
