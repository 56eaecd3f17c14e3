#include "core/db/idempotency.hpp"

#include "core/error/try.hpp"

namespace declic::core::db {

namespace {
constexpr Statement kFind{"idempotency_find",
                          "SELECT request_hash, resource_id FROM idempotency_keys"
                          " WHERE user_id = $1::uuid AND scope = $2 AND key = $3"};
// A concurrent twin under the same key makes this wait for it, then do nothing.
constexpr Statement kRemember{
    "idempotency_remember",
    "INSERT INTO idempotency_keys (user_id, scope, key, request_hash, resource_id)"
    " VALUES ($1::uuid, $2, $3, $4, $5) ON CONFLICT DO NOTHING"};
}  // namespace

boost::asio::awaitable<Result<std::optional<std::string>>> replayed_resource(
    Queryable& db, const IdempotencyKey& key) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kFind, params(key.user_id, key.scope, key.key)));
  if (rows.empty()) co_return std::optional<std::string>{};
  if (rows[0].text(0) != key.request_hash)
    co_return Error::validation(
        {{"Idempotency-Key", "reused", "This key was used for another request."}});
  co_return rows[0].get<std::string>(1);
}

boost::asio::awaitable<Result<void>> remember(Queryable& tx, const IdempotencyKey& key,
                                              const std::string& resource_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kRemember, params(key.user_id, key.scope, key.key,
                                                               key.request_hash, resource_id)));
  if (rows.affected() != 1)
    co_return Error::conflict("idempotency_key_taken", "A request under this key is done.");
  co_return Result<void>{};
}

namespace {
constexpr Statement kPurge{
    "idempotency_purge",
    "DELETE FROM idempotency_keys WHERE (user_id, scope, key) IN (SELECT user_id, scope, key"
    " FROM idempotency_keys WHERE created_at < now() - make_interval(days => $1)"
    " LIMIT 5000 FOR UPDATE SKIP LOCKED)"};
}  // namespace

boost::asio::awaitable<Result<std::int64_t>> purge_idempotency_keys(Queryable& db, int days) {
  co_return affected(co_await db.query(kPurge, params(days)));
}

}  // namespace declic::core::db
