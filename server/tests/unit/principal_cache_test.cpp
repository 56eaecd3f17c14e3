// The per-process cache of live principals: what it may keep, and what makes it forget.
#include "core/auth/principal_cache.hpp"

#include <gtest/gtest.h>

using declic::core::auth::PrincipalCache;
using declic::core::auth::PrincipalCacheOptions;
using declic::core::auth::UserProfile;

namespace {

std::int64_t in_an_hour() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count() +
         3600;
}

UserProfile user(const std::string& id) {
  UserProfile u;
  u.id = id;
  u.email = id + "@example.fr";
  return u;
}

// A live cache holding session s1 of user u1 and s2 of user u2.
PrincipalCache& filled(PrincipalCache& cache) {
  cache.set_live(true);
  cache.store(cache.ticket(), "s1", user("u1"), in_an_hour());
  cache.store(cache.ticket(), "s2", user("u2"), in_an_hour());
  return cache;
}

}  // namespace

TEST(PrincipalCache, KeepsNothingWhileTheFeedIsNotLive) {
  PrincipalCache cache;
  cache.store(cache.ticket(), "s1", user("u1"), in_an_hour());
  EXPECT_FALSE(cache.find("s1", "u1"));
  filled(cache);
  cache.set_live(false);  // the feed broke: everything known goes
  EXPECT_FALSE(cache.find("s1", "u1"));
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(PrincipalCache, FindsASessionOnlyForItsOwnUser) {
  PrincipalCache cache;
  filled(cache);
  ASSERT_TRUE(cache.find("s1", "u1"));
  EXPECT_EQ(cache.find("s1", "u1")->email, "u1@example.fr");
  EXPECT_FALSE(cache.find("s1", "u2"));
  EXPECT_FALSE(cache.find("s3", "u1"));
  const auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 2u);
  EXPECT_EQ(stats.misses, 2u);
  EXPECT_TRUE(stats.live);
}

TEST(PrincipalCache, ForgettingAUserDropsTheirSessionsOnly) {
  PrincipalCache cache;
  filled(cache);
  cache.store(cache.ticket(), "s1b", user("u1"), in_an_hour());
  cache.forget_user("u1");
  EXPECT_FALSE(cache.find("s1", "u1"));
  EXPECT_FALSE(cache.find("s1b", "u1"));
  EXPECT_TRUE(cache.find("s2", "u2"));
}

TEST(PrincipalCache, ALoadThatRacedAChangeIsNeverStored) {
  PrincipalCache cache;
  cache.set_live(true);
  const auto before_change = cache.ticket();
  cache.forget_user("u9");  // any change, even to someone else, while u1 was being read
  cache.store(before_change, "s1", user("u1"), in_an_hour());
  EXPECT_FALSE(cache.find("s1", "u1"));
  const auto before_reconnect = cache.ticket();
  cache.set_live(false);
  cache.set_live(true);
  cache.store(before_reconnect, "s1", user("u1"), in_an_hour());
  EXPECT_FALSE(cache.find("s1", "u1"));
  cache.store(cache.ticket(), "s1", user("u1"), in_an_hour());
  EXPECT_TRUE(cache.find("s1", "u1"));
}

TEST(PrincipalCache, EntriesEndWithTheirSessionOrTheirTimeToLive) {
  PrincipalCache cache;
  cache.set_live(true);
  cache.store(cache.ticket(), "ended", user("u1"), in_an_hour() - 7200);
  EXPECT_FALSE(cache.find("ended", "u1"));
  PrincipalCache no_time(PrincipalCacheOptions{10, std::chrono::seconds(0)});
  no_time.set_live(true);
  no_time.store(no_time.ticket(), "s1", user("u1"), in_an_hour());
  EXPECT_FALSE(no_time.find("s1", "u1"));
}

TEST(PrincipalCache, StartsOverWhenFull) {
  PrincipalCache cache(PrincipalCacheOptions{2, std::chrono::seconds(60)});
  filled(cache);
  cache.store(cache.ticket(), "s3", user("u3"), in_an_hour());
  EXPECT_EQ(cache.stats().entries, 1u);
  EXPECT_TRUE(cache.find("s3", "u3"));
}
