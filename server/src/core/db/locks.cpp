#include "core/db/locks.hpp"

namespace declic::core::db {

namespace {
constexpr Statement kLock{"app_lock",
                          "SELECT pg_advisory_xact_lock(hashtextextended($2, $1::bigint))"};
}  // namespace

boost::asio::awaitable<Result<void>> lock(Queryable& tx, LockScope scope, const std::string& key) {
  co_return completed(co_await tx.query(kLock, params(static_cast<int>(scope), key)));
}

}  // namespace declic::core::db
