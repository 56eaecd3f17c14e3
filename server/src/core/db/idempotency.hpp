#pragma once
// Idempotent creation (the Idempotency-Key header): a retried request replays the first
// one's outcome instead of acting twice. The key remembers which resource its first
// request created; a replay reads that resource back in its current state. The same key
// with another request (a different hash of what matters in it) is a 422.
//
// What must stay true: a key row exists iff its resource was created — remember() runs in
// the creating transaction, after the caller's locks, so a twin request waits and replays.

#include "core/db/db.hpp"

namespace declic::core::db {

struct IdempotencyKey {
  std::string user_id;
  std::string scope;  // what is created: "booking.create"
  std::string key;
  std::string request_hash;
};

// The resource a first request under `key` created; nullopt when none did yet; 422
// idempotency_key_reused when that request was another one.
boost::asio::awaitable<Result<std::optional<std::string>>> replayed_resource(
    Queryable& db, const IdempotencyKey& key);

// Records that `key` created `resource_id`; conflict "idempotency_key_taken" when a
// concurrent request under the same key committed first.
boost::asio::awaitable<Result<void>> remember(Queryable& tx, const IdempotencyKey& key,
                                              const std::string& resource_id);

// Housekeeping, one batch: keys older than `days` (a client retries within minutes, not days).
boost::asio::awaitable<Result<std::int64_t>> purge_idempotency_keys(Queryable& db, int days);

}  // namespace declic::core::db
