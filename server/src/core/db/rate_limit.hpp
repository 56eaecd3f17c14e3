#pragma once
// Fixed-window counters shared by every server through the database (sign-in, reset,
// sign-up and booking limits). A key names what is counted ("login:ip:203.0.113.9"); the
// window is the caller's. Rows past their window are purged by housekeeping.

#include "core/db/db.hpp"

namespace declic::core::db {

struct RateCount {
  int hits = 0;
  int retry_after_seconds = 0;  // until the window ends
};

// Counts one hit in the current window of `key` (a new window once the last one ended).
boost::asio::awaitable<Result<RateCount>> rate_hit(Queryable& db, const std::string& key,
                                                   int window_seconds);
// The current window's count, without counting (0 hits when there is none).
boost::asio::awaitable<Result<RateCount>> rate_peek(Queryable& db, const std::string& key,
                                                    int window_seconds);
// Gives one hit back: an attempt counted before it was known to be harmless (a success).
boost::asio::awaitable<Result<void>> rate_unhit(Queryable& db, const std::string& key);
boost::asio::awaitable<Result<void>> rate_forget(Queryable& db, const std::string& key);

// Deletes counters whose window is over; returns how many (housekeeping).
boost::asio::awaitable<Result<std::int64_t>> purge_rate_counters(Queryable& db);

}  // namespace declic::core::db
