#include "core/db/rate_limit.hpp"

#include "core/error/try.hpp"

namespace declic::core::db {

namespace {

#define RETRY_AFTER \
  "GREATEST(1, ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now())))::int"

constexpr Statement kHit{
    "rate_hit",
    "INSERT INTO rate_limits AS r (key, window_start, hits, expires_at)"
    " VALUES ($1, now(), 1, now() + make_interval(secs => $2))"
    " ON CONFLICT (key) DO UPDATE SET"
    "  hits = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN 1"
    "              ELSE r.hits + 1 END,"
    "  window_start = CASE WHEN r.window_start <= now() - make_interval(secs => $2) THEN now()"
    "                      ELSE r.window_start END,"
    "  expires_at = GREATEST(r.expires_at, now() + make_interval(secs => $2))"
    " RETURNING hits, " RETRY_AFTER};
constexpr Statement kPeek{"rate_peek",
                          "SELECT hits, " RETRY_AFTER
                          " FROM rate_limits"
                          " WHERE key = $1 AND window_start > now() - make_interval(secs => $2)"};
constexpr Statement kUnhit{"rate_unhit",
                           "UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = $1"};
constexpr Statement kForget{"rate_forget", "DELETE FROM rate_limits WHERE key = $1"};
// In batches, skipping rows a sign-in holds: several servers may purge at once.
constexpr Statement kPurge{"rate_purge",
                           "DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits"
                           " WHERE expires_at < now() LIMIT 5000 FOR UPDATE SKIP LOCKED)"};

#undef RETRY_AFTER

Result<RateCount> count_of(const Rows& rows) {
  if (rows.empty()) return RateCount{};
  return RateCount{rows[0].get<int>(0), rows[0].get<int>(1)};
}

}  // namespace

boost::asio::awaitable<Result<RateCount>> rate_hit(Queryable& db, const std::string& key,
                                                   int window_seconds) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kHit, params(key, window_seconds)));
  co_return count_of(rows);
}

boost::asio::awaitable<Result<RateCount>> rate_peek(Queryable& db, const std::string& key,
                                                    int window_seconds) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kPeek, params(key, window_seconds)));
  co_return count_of(rows);
}

boost::asio::awaitable<Result<void>> rate_unhit(Queryable& db, const std::string& key) {
  co_return completed(co_await db.query(kUnhit, params(key)));
}

boost::asio::awaitable<Result<void>> rate_forget(Queryable& db, const std::string& key) {
  co_return completed(co_await db.query(kForget, params(key)));
}

boost::asio::awaitable<Result<std::int64_t>> purge_rate_counters(Queryable& db) {
  co_return affected(co_await db.query(kPurge));
}

}  // namespace declic::core::db
