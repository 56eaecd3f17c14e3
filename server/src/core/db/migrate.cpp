#include "core/db/migrate.hpp"

#include "core/error/try.hpp"

#include <algorithm>
#include <set>

namespace declic::core::db {

namespace asio = boost::asio;

namespace {
constexpr std::int64_t kMigrationLock = 0x6465636c6963;  // "declic"

constexpr Statement kLock{"migrate_lock", "SELECT pg_advisory_lock($1::bigint)"};
constexpr Statement kUnlock{"migrate_unlock", "SELECT pg_advisory_unlock($1::bigint)"};
constexpr Statement kApplied{"migrate_applied", "SELECT version FROM schema_migrations"};
constexpr Statement kRecord{"migrate_record",
                            "INSERT INTO schema_migrations (version) VALUES ($1)"};
constexpr std::string_view kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version text PRIMARY KEY,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

Error failed(const std::string& name, const Error& e) {
  auto out = Error::internal();
  out.cause = "migration " + name + " failed: " + (e.cause.empty() ? e.detail : e.cause);
  return out;
}

asio::awaitable<Result<void>> apply_one(Lease& lease, const Migration& m) {
  DECLIC_CO_TRYV(co_await lease.exec("BEGIN"));
  auto r = co_await lease.exec(m.sql);
  if (r) {
    auto recorded = co_await lease.query(kRecord, params(m.name));
    if (!recorded) r = recorded.error();
  }
  if (r) r = co_await lease.exec("COMMIT");
  if (!r) {
    (void)co_await lease.exec("ROLLBACK");
    co_return failed(m.name, r.error());
  }
  co_return Result<void>{};
}

asio::awaitable<Result<MigrationReport>> apply_pending(Lease& lease,
                                                       std::span<const Migration> migrations) {
  DECLIC_CO_TRYV(co_await lease.exec(kCreateTable));
  DECLIC_CO_TRY(auto rows, co_await lease.query(kApplied));
  std::set<std::string> done;
  for (int i = 0; i < rows.size(); ++i) done.insert(rows[i].get<std::string>(0));

  std::vector<const Migration*> ordered;
  for (const auto& m : migrations) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(), [](auto* a, auto* b) { return a->name < b->name; });

  MigrationReport report;
  for (const auto* m : ordered) {
    if (done.contains(m->name)) {
      ++report.already_applied;
      continue;
    }
    DECLIC_CO_TRYV(co_await apply_one(lease, *m));
    report.applied.push_back(m->name);
  }
  co_return report;
}
}  // namespace

asio::awaitable<Result<MigrationReport>> migrate(Pool& pool,
                                                 std::span<const Migration> migrations) {
  DECLIC_CO_TRY(auto lease, co_await pool.acquire());
  DECLIC_CO_TRYV(co_await lease.query(kLock, params(kMigrationLock)));
  auto report = co_await apply_pending(lease, migrations);
  (void)co_await lease.query(kUnlock, params(kMigrationLock));
  co_return report;
}

}  // namespace declic::core::db
