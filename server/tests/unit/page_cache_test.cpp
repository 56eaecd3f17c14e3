// The pages a process keeps between changes (core/http/page_cache.hpp): what it may keep, for
// whom, for how long, and what makes it forget.
#include "core/http/page_cache.hpp"

#include <gtest/gtest.h>

using declic::core::http::PageCache;
using declic::core::http::PageCacheOptions;
using namespace std::chrono_literals;

namespace {

// Loads `body` for `viewer` and `target` after a miss, as a controller does.
void load(PageCache& cache, const char* viewer, const char* target, std::string_view body) {
  const auto missed = cache.find(viewer, target);
  ASSERT_FALSE(missed.body) << "already kept";
  cache.keep(missed, body);
}

std::string kept(const PageCache& cache, const char* viewer, const char* target) {
  const auto found = cache.find(viewer, target);
  return found.body ? *found.body : "(none)";
}

}  // namespace

TEST(PageCache, KeepsNothingWhileTheFeedIsNotLive) {
  PageCache cache;
  load(cache, "u1", "/api/bookings", "[1]");
  EXPECT_EQ(kept(cache, "u1", "/api/bookings"), "(none)");
  cache.set_live(true);
  load(cache, "u1", "/api/bookings", "[1]");
  EXPECT_EQ(kept(cache, "u1", "/api/bookings"), "[1]");
  cache.set_live(false);  // the feed broke: every page goes
  EXPECT_EQ(kept(cache, "u1", "/api/bookings"), "(none)");
  EXPECT_EQ(cache.stats().pages, 0u);
}

TEST(PageCache, APageIsKeptForItsViewerAndTargetOnly) {
  PageCache cache;
  cache.set_live(true);
  load(cache, "u1", "/api/bookings?status=PENDING", "[1]");
  load(cache, "u2", "/api/bookings?status=PENDING", "[2]");
  EXPECT_EQ(kept(cache, "u1", "/api/bookings?status=PENDING"), "[1]");
  EXPECT_EQ(kept(cache, "u2", "/api/bookings?status=PENDING"), "[2]");
  EXPECT_EQ(kept(cache, "u1", "/api/bookings"), "(none)");
  EXPECT_EQ(kept(cache, "", "/api/bookings?status=PENDING"), "(none)");
  // The viewer's end is marked: "u1" + "1/x" is not "u11" + "/x".
  load(cache, "u1", "1/x", "[3]");
  EXPECT_EQ(kept(cache, "u11", "/x"), "(none)");
  const auto stats = cache.stats();
  EXPECT_EQ(stats.pages, 3u);
  EXPECT_EQ(stats.bytes, 9u);
  EXPECT_EQ(stats.hits, 2u);
  EXPECT_EQ(stats.misses, 6u);
}

TEST(PageCache, AnyChangeForgetsEveryPage) {
  PageCache cache;
  cache.set_live(true);
  load(cache, "u1", "/a", "[1]");
  load(cache, "u2", "/b", "[2]");
  cache.forget_all();
  EXPECT_EQ(kept(cache, "u1", "/a"), "(none)");
  EXPECT_EQ(kept(cache, "u2", "/b"), "(none)");
  EXPECT_EQ(cache.stats().bytes, 0u);
}

TEST(PageCache, ALoadThatRacedAChangeIsNeverKept) {
  PageCache cache;
  cache.set_live(true);
  const auto before_change = cache.find("u1", "/a");
  cache.forget_all();  // committed while the page was being read
  cache.keep(before_change, "[old]");
  EXPECT_EQ(kept(cache, "u1", "/a"), "(none)");
  const auto before_reconnect = cache.find("u1", "/a");
  cache.set_live(false);
  cache.set_live(true);
  cache.keep(before_reconnect, "[old]");
  EXPECT_EQ(kept(cache, "u1", "/a"), "(none)");
  load(cache, "u1", "/a", "[new]");
  EXPECT_EQ(kept(cache, "u1", "/a"), "[new]");
}

TEST(PageCache, APageEndsWhenItStopsBeingTrueOrAtItsTimeToLive) {
  PageCache cache;
  cache.set_live(true);
  const auto missed = cache.find("u1", "/a");
  cache.keep(missed, "[1]", PageCache::Clock::now() - 1ms);  // a session started meanwhile
  EXPECT_EQ(kept(cache, "u1", "/a"), "(none)");
  const auto again = cache.find("u1", "/a");
  cache.keep(again, "[1]", PageCache::Clock::now() + 1h);
  EXPECT_EQ(kept(cache, "u1", "/a"), "[1]");

  PageCache no_time(PageCacheOptions{1024, 0s});
  no_time.set_live(true);
  const auto loaded = no_time.find("u1", "/a");
  no_time.keep(loaded, "[1]", PageCache::Clock::now() + 1h);  // the shorter bound wins
  EXPECT_EQ(kept(no_time, "u1", "/a"), "(none)");
}

TEST(PageCache, StartsOverPastItsBytesAndNeverKeepsAPageLargerThanThem) {
  PageCache cache(PageCacheOptions{8, 60s});
  cache.set_live(true);
  load(cache, "u1", "/a", "12345");
  load(cache, "u1", "/b", "123");
  EXPECT_EQ(cache.stats().bytes, 8u);
  load(cache, "u1", "/c", "12");  // over the budget: what was kept goes
  EXPECT_EQ(kept(cache, "u1", "/a"), "(none)");
  EXPECT_EQ(kept(cache, "u1", "/c"), "12");
  EXPECT_EQ(cache.stats().bytes, 2u);
  load(cache, "u1", "/big", "123456789");
  EXPECT_EQ(kept(cache, "u1", "/big"), "(none)");
  EXPECT_EQ(kept(cache, "u1", "/c"), "12") << "a page too large to keep forgets nothing";
  // Two loads of one page at once: the last kept replaces the first, its bytes count once.
  const auto first = cache.find("u2", "/d"), second = cache.find("u2", "/d");
  cache.keep(first, "ab");
  cache.keep(second, "cde");
  EXPECT_EQ(kept(cache, "u2", "/d"), "cde");
  EXPECT_EQ(cache.stats().bytes, 5u);
}
