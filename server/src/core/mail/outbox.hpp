#pragma once
// Internal to core/mail: the only SQL on the `outbox` table (migration 0002_identity).
//
// Row life: inserted (attempts 0, due now) → claimed (attempts + 1, next_attempt_at = the end
// of the lease) → sent (sent_at) or failed (last_error, next_attempt_at = now + backoff).
// A row with attempts >= max_attempts and no sent_at is abandoned: kept for inspection.

#include "core/db/db.hpp"
#include "core/mail/mail.hpp"

#include <chrono>
#include <cstdint>
#include <string_view>
#include <vector>

namespace declic::core::mail::outbox {

struct Claimed {
  std::int64_t id = 0;
  int attempts = 0;  // including this one
  MailMessage message;
};

boost::asio::awaitable<Result<void>> insert(db::Queryable& db, const MailMessage& message);

// Claims up to `limit` due rows, oldest first, skipping rows another worker holds; they are
// not due again before `lease` has passed. One statement, so one transaction.
boost::asio::awaitable<Result<std::vector<Claimed>>> claim(db::Queryable& db, int limit,
                                                           int max_attempts,
                                                           std::chrono::seconds lease);

boost::asio::awaitable<Result<void>> mark_sent(db::Queryable& db, std::int64_t id);

// Records the error and schedules the next attempt: 5 s * 2^attempts, at most one hour.
boost::asio::awaitable<Result<void>> mark_failed(db::Queryable& db, std::int64_t id,
                                                 std::string_view error);

// Gives back a claimed row that was not attempted: due now, the attempt not counted.
boost::asio::awaitable<Result<void>> release(db::Queryable& db, std::int64_t id);

// A failure no retry can fix (an invalid recipient): never claimed again.
boost::asio::awaitable<Result<void>> mark_abandoned(db::Queryable& db, std::int64_t id,
                                                    std::string_view error, int max_attempts);

}  // namespace declic::core::mail::outbox
