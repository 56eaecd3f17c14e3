// The database layer against a real PostgreSQL: the fixture's cluster, a fresh database
// per test.
#include "core/db/db.hpp"
#include "app/resources.hpp"
#include "core/db/migrate.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

using namespace declic;
using namespace declic::core;
using namespace std::chrono_literals;
namespace asio = boost::asio;

namespace {

class Db : public ::testing::Test {
 protected:
  test::TestDatabase database;
  asio::io_context ioc;

  db::PoolOptions options(std::size_t size = 4, std::chrono::milliseconds acquire = 2000ms) {
    db::PoolOptions o;
    o.conninfo = database.url();
    o.max_size = size;
    o.acquire_timeout = acquire;
    return o;
  }

  Result<db::Rows> q(db::Queryable& on, std::string_view sql, db::Params p = {}) {
    // Ad-hoc SQL in tests: the statement is named after a hash of its text.
    static std::vector<std::unique_ptr<std::string>> keep;
    keep.push_back(std::make_unique<std::string>(sql));
    keep.push_back(
        std::make_unique<std::string>("t" + std::to_string(std::hash<std::string_view>{}(sql))));
    const db::Statement st{*keep.back(), *keep[keep.size() - 2]};
    return test::run(ioc, on.query(st, std::move(p)));
  }
};

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(asio::use_awaitable);
}

}  // namespace

// ---- migrations -----------------------------------------------------------------------

TEST_F(Db, MigrationsApplyOnAFreshDatabaseThenAreNoOps) {
  db::Pool pool(ioc.get_executor(), options());
  const auto migrations = app::embedded_migrations();
  ASSERT_FALSE(migrations.empty());

  auto first = test::run(ioc, db::migrate(pool, migrations));
  ASSERT_TRUE(first) << first.error().cause;
  EXPECT_EQ(first->applied.size(), migrations.size());
  EXPECT_EQ(first->applied.front(), "0001_init");

  auto again = test::run(ioc, db::migrate(pool, migrations));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->already_applied, migrations.size());

  auto recorded = q(pool, "SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(recorded);
  EXPECT_EQ((*recorded)[0].get<int>(0), static_cast<int>(migrations.size()));
  auto studio = q(pool, "SELECT studio_name FROM settings");
  ASSERT_TRUE(studio);
  EXPECT_EQ((*studio)[0].get<std::string>(0), "Studio Déclic");
}

TEST_F(Db, AFailingMigrationNamesItselfAndLeavesNothingBehind) {
  db::Pool pool(ioc.get_executor(), options());
  const std::vector<db::Migration> migrations{
      {"0001_ok", "CREATE TABLE a (id int PRIMARY KEY)"},
      {"0002_broken", "CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1)"},
      {"0003_after", "CREATE TABLE c (id int)"},
  };
  auto report = test::run(ioc, db::migrate(pool, migrations));
  ASSERT_FALSE(report);
  EXPECT_NE(report.error().cause.find("0002_broken"), std::string::npos) << report.error().cause;
  EXPECT_NE(report.error().cause.find("nowhere"), std::string::npos) << report.error().cause;

  auto tables = q(pool,
                  "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
                  "WHERE schemaname = 'public'");
  ASSERT_TRUE(tables);
  EXPECT_EQ((*tables)[0].get<std::string>(0), "a,schema_migrations");  // no b, no c
  auto versions = q(pool, "SELECT string_agg(version, ',') FROM schema_migrations");
  EXPECT_EQ((*versions)[0].get<std::string>(0), "0001_ok");
}

TEST_F(Db, MigrationsRunInNameOrder) {
  db::Pool pool(ioc.get_executor(), options());
  const std::vector<db::Migration> migrations{
      {"0002_second", "INSERT INTO t VALUES (2)"},
      {"0001_first", "CREATE TABLE t (n int)"},
  };
  auto report = test::run(ioc, db::migrate(pool, migrations));
  ASSERT_TRUE(report) << report.error().cause;
  EXPECT_EQ(report->applied, (std::vector<std::string>{"0001_first", "0002_second"}));
}

TEST_F(Db, Rfc3339IsUtcWithMillisecondsAndPlannedInPlace) {
  db::Pool pool(ioc.get_executor(), options(1));
  ASSERT_TRUE(test::run(ioc, db::migrate(pool, app::embedded_migrations())));
  ASSERT_TRUE(q(pool, "SET TimeZone = 'Pacific/Auckland'"));  // the answer must not follow it
  auto rows =
      q(pool, "SELECT rfc3339($1::timestamptz)", db::params("2026-12-03 17:18:17.987654+01"));
  ASSERT_TRUE(rows);
  EXPECT_EQ((*rows)[0].get<std::string>(0), "2026-12-03T16:18:17.987Z");
  // Inlined: the plan holds to_char itself, not a call that re-reads the function per run.
  auto plan = q(pool, "EXPLAIN (VERBOSE) SELECT rfc3339(t) FROM (VALUES (now())) v(t)");
  ASSERT_TRUE(plan);
  std::string text;
  for (int i = 0; i < plan->size(); ++i) text += (*plan)[i].get<std::string>(0) + "\n";
  EXPECT_NE(text.find("to_char("), std::string::npos) << text;
  EXPECT_EQ(text.find("rfc3339("), std::string::npos) << text;
}

// ---- queries and errors ------------------------------------------------------------------

TEST_F(Db, ParametersAreBoundNeverSpliced) {
  db::Pool pool(ioc.get_executor(), options());
  ASSERT_TRUE(q(pool, "CREATE TABLE notes (body text)"));
  const std::string nasty = "x'); DROP TABLE notes; --";
  ASSERT_TRUE(q(pool, "INSERT INTO notes VALUES ($1)", db::params(nasty)));
  auto rows = q(pool, "SELECT body FROM notes");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1);
  EXPECT_EQ((*rows)[0].get<std::string>(0), nasty);
}

TEST_F(Db, DecodesNullsNumbersAndBooleans) {
  db::Pool pool(ioc.get_executor(), options());
  auto rows = q(pool, "SELECT NULL::text, 42::bigint, true, 'é'::text");
  ASSERT_TRUE(rows);
  const auto row = (*rows)[0];
  EXPECT_EQ(row.get<std::optional<std::string>>(0), std::nullopt);
  EXPECT_EQ(row.get<std::int64_t>(1), 42);
  EXPECT_TRUE(row.get<bool>(2));
  EXPECT_EQ(row.get<std::string>(3), "é");
}

TEST_F(Db, SqlStatesBecomeDomainErrors) {
  db::Pool pool(ioc.get_executor(), options());
  ASSERT_TRUE(q(pool, "CREATE TABLE users (email text CONSTRAINT users_email_key UNIQUE)"));
  ASSERT_TRUE(q(pool, "INSERT INTO users VALUES ('a@b.fr')"));
  auto duplicate = q(pool, "INSERT INTO users VALUES ('a@b.fr')");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().errc, Errc::conflict);
  EXPECT_EQ(duplicate.error().constraint, "users_email_key");

  auto bad_uuid = q(pool, "SELECT $1::uuid", db::params("not-a-uuid"));
  ASSERT_FALSE(bad_uuid);
  EXPECT_EQ(bad_uuid.error().errc, Errc::validation);

  auto bug = q(pool, "SELECT * FROM no_such_table");
  ASSERT_FALSE(bug);
  EXPECT_EQ(bug.error().errc, Errc::internal);
  // The connection survives a failed statement.
  EXPECT_TRUE(q(pool, "SELECT 1"));
}

// ---- transactions -----------------------------------------------------------------------

TEST_F(Db, CommittedTransactionsPersist) {
  db::Pool pool(ioc.get_executor(), options());
  ASSERT_TRUE(q(pool, "CREATE TABLE t (n int)"));
  auto done = test::run(ioc, pool.transact([&](db::Tx& tx) -> asio::awaitable<Result<int>> {
    static constexpr db::Statement ins{"tx_ins", "INSERT INTO t VALUES (1)"};
    auto r = co_await tx.query(ins);
    if (!r) co_return r.error();
    co_return 1;
  }));
  ASSERT_TRUE(done);
  EXPECT_EQ((*q(pool, "SELECT count(*) FROM t"))[0].get<int>(0), 1);
}

TEST_F(Db, ATransactionDroppedWithoutCommitIsRolledBackAndItsLocksReleased) {
  db::Pool pool(ioc.get_executor(), options(1));  // one connection: it must come back clean
  ASSERT_TRUE(q(pool, "CREATE TABLE t (n int)"));
  test::run(ioc, [&]() -> asio::awaitable<bool> {
    auto tx = co_await pool.begin();
    EXPECT_TRUE(tx);
    static constexpr db::Statement ins{"tx_ins2", "INSERT INTO t VALUES (1)"};
    static constexpr db::Statement lock{"tx_lock", "SELECT pg_advisory_xact_lock(7)"};
    EXPECT_TRUE(co_await tx->query(ins));
    EXPECT_TRUE(co_await tx->query(lock));
    co_return true;  // tx destroyed here, never committed
  }());
  EXPECT_EQ((*q(pool, "SELECT count(*) FROM t"))[0].get<int>(0), 0);
  // The advisory lock went with the rollback: another session gets it at once.
  auto other = test::psql(database.url(), "SELECT pg_try_advisory_lock(7)");
  EXPECT_EQ(other.substr(0, 1), "t");
  EXPECT_EQ(pool.stats().open, 1u);
}

TEST_F(Db, AFailingTransactionReturnsItsErrorAndRollsBack) {
  db::Pool pool(ioc.get_executor(), options(1));
  ASSERT_TRUE(q(pool, "CREATE TABLE t (n int PRIMARY KEY)"));
  auto r = test::run(ioc, pool.transact([&](db::Tx& tx) -> asio::awaitable<Result<int>> {
    static constexpr db::Statement ins{"tx_ins3", "INSERT INTO t VALUES ($1)"};
    co_await tx.query(ins, db::params(1));
    auto again = co_await tx.query(ins, db::params(1));
    if (!again) co_return again.error();
    co_return 0;
  }));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errc, Errc::conflict);
  EXPECT_EQ((*q(pool, "SELECT count(*) FROM t"))[0].get<int>(0), 0);
}

TEST_F(Db, CommitAfterAnIgnoredFailureIsAnErrorNotASilentRollback) {
  db::Pool pool(ioc.get_executor(), options(1));
  ASSERT_TRUE(q(pool, "CREATE TABLE t (n int PRIMARY KEY)"));
  auto r = test::run(ioc, pool.transact([&](db::Tx& tx) -> asio::awaitable<Result<int>> {
    static constexpr db::Statement ins{"tx_ins4", "INSERT INTO t VALUES ($1)"};
    co_await tx.query(ins, db::params(1));
    co_await tx.query(ins, db::params(1));  // fails; the caller ignores it
    co_return 0;
  }));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errc, Errc::internal);
  EXPECT_EQ((*q(pool, "SELECT count(*) FROM t"))[0].get<int>(0), 0);
}

// What mirrors the database in memory (the principal cache) is told only of what committed.
TEST_F(Db, AfterCommitRunsOnceTheTransactionCommittedAndNeverAfterARollback) {
  db::Pool pool(ioc.get_executor(), options(1));
  ASSERT_TRUE(q(pool, "CREATE TABLE t (n int PRIMARY KEY)"));
  static constexpr db::Statement ins{"tx_ins_hook", "INSERT INTO t VALUES ($1)"};
  std::vector<std::string> seen;  // what another session saw when each hook ran
  auto work = [&](int n, bool fail) {
    return pool.transact([&, n, fail](db::Tx& tx) -> asio::awaitable<Result<int>> {
      auto inserted = co_await tx.query(ins, db::params(n));
      if (!inserted) co_return inserted.error();
      tx.after_commit([&, n] {
        seen.push_back(
            test::psql(database.url(), "SELECT count(*) FROM t WHERE n = " + std::to_string(n)));
      });
      if (fail) co_return Error::conflict("test", "rolled back on purpose");
      co_return n;
    });
  };
  ASSERT_TRUE(test::run(ioc, work(1, false)));
  EXPECT_FALSE(test::run(ioc, work(2, true)));
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].substr(0, 1), "1");  // the row was visible to others when the hook ran
  bool ran = false;                      // autocommit: at once
  pool.after_commit([&] { ran = true; });
  EXPECT_TRUE(ran);
}

TEST_F(Db, SerializationFailuresAreRetried) {
  db::Pool pool(ioc.get_executor(), options(1));
  int attempts = 0;
  auto r = test::run(ioc, pool.transact([&](db::Tx& tx) -> asio::awaitable<Result<int>> {
    ++attempts;
    if (attempts < 3) {
      static constexpr db::Statement fail{
          "tx_fail", "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$"};
      auto f = co_await tx.query(fail);
      if (!f) co_return f.error();
    }
    co_return attempts;
  }));
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 3);
}

// ---- the pool ---------------------------------------------------------------------------

TEST_F(Db, AnExhaustedPoolAnswersUnavailableAfterItsTimeoutThenRecovers) {
  db::Pool pool(ioc.get_executor(), options(2, 300ms));
  std::vector<Errc> outcomes;
  std::chrono::milliseconds waited{};
  test::run(ioc, [&]() -> asio::awaitable<bool> {
    auto a = co_await pool.acquire();
    auto b = co_await pool.acquire();
    EXPECT_TRUE(a && b);
    EXPECT_EQ(pool.stats().in_use, 2u);
    const auto start = std::chrono::steady_clock::now();
    auto c = co_await pool.acquire();
    waited = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    EXPECT_FALSE(c);
    if (!c) outcomes.push_back(c.error().errc);
    co_return true;
  }());
  ASSERT_EQ(outcomes, std::vector<Errc>{Errc::unavailable});
  EXPECT_GE(waited, 250ms);
  EXPECT_LT(waited, 2000ms);
  EXPECT_EQ(pool.stats().acquire_timeouts, 1u);
  EXPECT_EQ(pool.stats().in_use, 0u);
  EXPECT_TRUE(q(pool, "SELECT 1"));
}

TEST_F(Db, AFreedConnectionGoesToTheOldestWaiter) {
  db::Pool pool(ioc.get_executor(), options(1, 5000ms));
  std::vector<int> order;
  auto holder = [&]() -> asio::awaitable<void> {
    auto lease = co_await pool.acquire();
    co_await sleep_for(100ms);
  };
  auto waiter = [&](int id, std::chrono::milliseconds delay) -> asio::awaitable<void> {
    co_await sleep_for(delay);
    auto lease = co_await pool.acquire();
    EXPECT_TRUE(lease);
    order.push_back(id);
    co_await sleep_for(10ms);
  };
  asio::co_spawn(ioc, holder(), asio::detached);
  asio::co_spawn(ioc, waiter(1, 10ms), asio::detached);
  asio::co_spawn(ioc, waiter(2, 20ms), asio::detached);
  asio::co_spawn(ioc, waiter(3, 30ms), asio::detached);
  ioc.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(pool.stats().open, 1u);
}

TEST_F(Db, ATerminatedConnectionIsReplacedTransparently) {
  db::Pool pool(ioc.get_executor(), options(1));
  auto pid = q(pool, "SELECT pg_backend_pid()");
  ASSERT_TRUE(pid);
  const auto backend = (*pid)[0].get<std::string>(0);
  test::psql(database.url(), "SELECT pg_terminate_backend(" + backend + ")");
  std::this_thread::sleep_for(100ms);
  auto again = q(pool, "SELECT pg_backend_pid()");
  ASSERT_TRUE(again) << again.error().cause;
  EXPECT_NE((*again)[0].get<std::string>(0), backend);
}

TEST_F(Db, AnUnreachableDatabaseFailsFastWithUnavailable) {
  auto o = options();
  o.conninfo = "postgresql://postgres@127.0.0.1:1/none";
  db::Pool pool(ioc.get_executor(), o);
  const auto start = std::chrono::steady_clock::now();
  auto r = q(pool, "SELECT 1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().errc, Errc::unavailable);
  auto again = q(pool, "SELECT 1");  // within the backoff: no new attempt, same answer
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().errc, Errc::unavailable);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_EQ(pool.stats().connect_failures, 1u);
}
