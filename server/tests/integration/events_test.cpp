// Domain events against a real PostgreSQL (core/events): what after-commit handlers and live
// listeners see, in-transaction subscribers, commit-ordered gapless ids, retries, leases,
// several dispatchers ("servers") sharing the work, catching up, and the purge.
#include "core/events/events.hpp"
#include "app/resources.hpp"
#include "core/db/migrate.hpp"
#include "core/error/try.hpp"
#include "core/events/dispatcher.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

using namespace declic;
using namespace declic::core;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using events::Bus;
using events::Event;
using events::StoredEvent;

namespace {

Event test_event(std::string type, std::string subject = "s", events::Audience audience = {}) {
  Event e;
  e.type = std::move(type);
  e.subject_id = std::move(subject);
  e.audience = std::move(audience);
  return e;
}

const std::string kAlice = "11111111-1111-1111-1111-111111111111";
const std::string kBob = "22222222-2222-2222-2222-222222222222";

class Events : public ::testing::Test {
 protected:
  void SetUp() override {
    asio::io_context setup;
    db::Pool migrator(setup.get_executor(), pool_options());
    auto migrated = test::run(setup, db::migrate(migrator, app::embedded_migrations()));
    ASSERT_TRUE(migrated) << migrated.error().cause;
    ASSERT_TRUE(
        exec("CREATE TABLE handled (event_id bigint, grp text, at timestamptz DEFAULT "
             "clock_timestamp())"));
  }

  db::PoolOptions pool_options() {
    db::PoolOptions o;
    o.conninfo = database.url();
    o.max_size = 8;
    return o;
  }

  events::DispatcherOptions fast_options() {
    events::DispatcherOptions o;
    o.conninfo = database.url();
    o.retry_base = 20ms;
    o.retry_max = 100ms;
    o.poll_interval = 50ms;
    return o;
  }

  Result<db::Rows> q(asio::io_context& ioc, db::Pool& p, std::string_view sql) {
    static std::vector<std::unique_ptr<std::string>> keep;  // statements outlive the call
    keep.push_back(std::make_unique<std::string>(sql));
    keep.push_back(std::make_unique<std::string>("t" + std::to_string(keep.size())));
    const db::Statement st{*keep.back(), *keep[keep.size() - 2]};
    return test::run(ioc, p.query(st));
  }
  bool exec(std::string_view sql) { return q(ioc, pool, sql).has_value(); }
  std::string one(std::string_view sql) {
    auto rows = q(ioc, pool, sql);
    if (!rows) return "error: " + rows.error().cause;
    if (rows->empty()) return "no row";
    return rows->operator[](0).is_null(0) ? "NULL" : (*rows)[0].get<std::string>(0);
  }

  // Publishes `e` in a transaction that commits, or fails after publishing when `fail`.
  Result<void> publish(Bus& bus, const Event& e, bool fail = false) {
    return test::run(ioc, pool.transact([&](db::Tx& tx) -> Async<void> {
      DECLIC_CO_TRYV(co_await bus.publish(tx, e));
      if (fail) co_return Error::validation({{"x", "later", "The change failed after."}});
      co_return Result<void>{};
    }));
  }

  // A group whose handler records what it handled, in the handler's own transaction.
  static void record_in(Bus& bus, const std::string& group, const std::string& type) {
    static const db::Statement kRecord{"test_record_handled",
                                       "INSERT INTO handled (event_id, grp) VALUES ($1, $2)"};
    bus.after_commit(group, type, [group](db::Queryable& tx, const StoredEvent& e) -> Async<void> {
      co_return db::completed(co_await tx.query(kRecord, db::params(e.id, group)));
    });
  }

  // Runs the dispatcher's jobs until none is due (or `rounds` passes).
  void drain(events::Dispatcher& d, int rounds = 200) {
    for (int i = 0; i < rounds; ++i) {
      auto ran = test::run(ioc, d.run_one());
      ASSERT_TRUE(ran) << ran.error().cause;
      if (!*ran && one("SELECT count(*) FROM event_jobs WHERE failed_at IS NULL") == "0") return;
      if (!*ran) std::this_thread::sleep_for(10ms);  // a retry's backoff
    }
  }

  test::TestDatabase database;
  asio::io_context ioc;  // before the pool: destroyed after it
  db::Pool pool{ioc.get_executor(), pool_options()};
};

}  // namespace

TEST_F(Events, AfterCommitHandlersSeeOnlyEventsWhoseTransactionCommitted) {
  Bus bus;
  record_in(bus, "recorder", "test.*");
  ASSERT_FALSE(publish(bus, test_event("test.rolled_back"), /*fail=*/true));
  ASSERT_TRUE(publish(bus, test_event("test.committed")));
  ASSERT_TRUE(publish(bus, test_event("other.kind")));  // no group wants it: no job

  events::Dispatcher dispatcher(ioc.get_executor(), pool, bus, fast_options());
  drain(dispatcher);
  EXPECT_EQ(one("SELECT string_agg(type, ',') FROM events"), "test.committed,other.kind");
  EXPECT_EQ(one("SELECT count(*) FROM handled"), "1");
  EXPECT_EQ(one("SELECT count(*) FROM handled h JOIN events e ON e.id = h.event_id "
                "WHERE e.type = 'test.committed'"),
            "1");
  EXPECT_EQ(one("SELECT count(*) FROM event_jobs"), "0");
}

TEST_F(Events, InTransactionSubscribersCommitOrRollBackWithTheChange) {
  Bus bus;
  // A subscriber that publishes in turn (as projects does on booking.confirmed).
  bus.on("test.first", [&bus](db::Queryable& tx, const Event& e) -> Async<void> {
    const auto follow = test_event("test.second", e.subject_id);
    co_return co_await bus.publish(tx, follow);
  });
  bus.on("test.refused", [](db::Queryable&, const Event&) -> Async<void> {
    co_return Error::conflict("refused", "A subscriber said no.");
  });

  ASSERT_TRUE(publish(bus, test_event("test.first", "a")));
  ASSERT_FALSE(publish(bus, test_event("test.first", "b"), /*fail=*/true));
  auto refused = publish(bus, test_event("test.refused"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, "refused");  // the subscriber's error aborts the publisher
  EXPECT_EQ(one("SELECT string_agg(type || ':' || subject_id, ',' ORDER BY id) FROM events"),
            "test.first:a,test.second:a");
}

TEST_F(Events, IdsAreGivenInCommitOrderWithoutGaps) {
  Bus bus;
  // A publishes first but commits last; C rolls back.
  auto run = [&]() -> asio::awaitable<bool> {
    auto a = co_await pool.begin();
    auto b = co_await pool.begin();
    auto c = co_await pool.begin();
    if (!a || !b || !c) co_return false;
    const auto ea = test_event("test.a"), eb = test_event("test.b"), ec = test_event("test.c");
    if (!co_await bus.publish(*a, ea)) co_return false;
    if (!co_await bus.publish(*c, ec)) co_return false;
    if (!co_await bus.publish(*b, eb)) co_return false;
    if (!co_await b->commit()) co_return false;
    if (!co_await a->commit()) co_return false;
    co_return true;  // c is dropped without a commit: rolled back
  };
  ASSERT_TRUE(test::run(ioc, run()));
  ASSERT_TRUE(publish(bus, test_event("test.d")));
  EXPECT_EQ(one("SELECT string_agg(id || '=' || type, ',' ORDER BY id) FROM events"),
            "1=test.b,2=test.a,3=test.d");
  EXPECT_EQ(one("SELECT last_id FROM event_counter"), "3");
}

TEST_F(Events, AFailingOrThrowingHandlerIsRetriedWithBackoffThenHandled) {
  Bus bus;
  std::atomic<int> calls{0};
  bus.after_commit("flaky", "test.*", [&calls](db::Queryable&, const StoredEvent&) -> Async<void> {
    const int n = ++calls;
    if (n == 1) throw std::runtime_error("a bug in a handler");
    if (n == 2) co_return Error::unavailable("the outside service is away");
    co_return Result<void>{};
  });
  ASSERT_TRUE(publish(bus, test_event("test.flaky")));
  events::Dispatcher dispatcher(ioc.get_executor(), pool, bus, fast_options());

  ASSERT_TRUE(*test::run(ioc, dispatcher.run_one()));  // throws: retried later
  EXPECT_EQ(one("SELECT attempts || ',' || (lease_until > now()) || ',' || "
                "(last_error LIKE '%a bug%') FROM event_jobs"),
            "1,true,true");
  EXPECT_FALSE(*test::run(ioc, dispatcher.run_one()));  // backing off: nothing due yet
  drain(dispatcher);
  EXPECT_EQ(calls.load(), 3);
  EXPECT_EQ(one("SELECT count(*) FROM event_jobs"), "0");
}

TEST_F(Events, AHandlerThatAlwaysFailsStopsAfterItsLastAttemptAndStaysForAnOperator) {
  Bus bus;
  bus.after_commit("broken", "test.*", [](db::Queryable&, const StoredEvent&) -> Async<void> {
    co_return Error::internal("still broken");
  });
  ASSERT_TRUE(publish(bus, test_event("test.broken")));
  auto options = fast_options();
  options.max_attempts = 3;
  events::Dispatcher dispatcher(ioc.get_executor(), pool, bus, options);
  for (int i = 0; i < 100 && one("SELECT failed_at IS NULL FROM event_jobs") == "t"; ++i) {
    (void)test::run(ioc, dispatcher.run_one());
    std::this_thread::sleep_for(10ms);
  }
  EXPECT_EQ(one("SELECT attempts || ',' || (failed_at IS NOT NULL) FROM event_jobs"), "3,true");
}

TEST_F(Events, AHandlerOutlivingItsLeaseIsHandedOnAndItsWorkCountsOnce) {
  Bus bus;
  std::atomic<int> calls{0};
  static const db::Statement kRecord{"test_record_slow",
                                     "INSERT INTO handled (event_id, grp) VALUES ($1, 'slow')"};
  bus.after_commit("slow", "test.*",
                   [&calls](db::Queryable& tx, const StoredEvent& e) -> Async<void> {
                     DECLIC_CO_TRYV(co_await tx.query(kRecord, db::params(e.id)));
                     if (++calls == 1) {  // the first attempt takes longer than its lease
                       asio::steady_timer t(co_await asio::this_coro::executor, 800ms);
                       co_await t.async_wait(asio::use_awaitable);
                     }
                     co_return Result<void>{};
                   });
  ASSERT_TRUE(publish(bus, test_event("test.slow")));
  auto options = fast_options();
  options.handler_timeout = 300ms;
  events::Dispatcher first(ioc.get_executor(), pool, bus, options);
  events::Dispatcher second(ioc.get_executor(), pool, bus, options);

  // The first attempt starts and stalls; once its lease is over, another claims the job.
  std::optional<Result<bool>> slow, fast;
  asio::co_spawn(ioc, first.run_one(), [&](std::exception_ptr, Result<bool> r) { slow = r; });
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        asio::steady_timer t(co_await asio::this_coro::executor, 450ms);
        co_await t.async_wait(asio::use_awaitable);
        fast = co_await second.run_one();
      },
      asio::detached);
  ioc.restart();
  ioc.run();
  ASSERT_TRUE(slow && fast);
  EXPECT_EQ(calls.load(), 2);
  // The stalled attempt's transaction could not retire the job: its insert rolled back.
  EXPECT_EQ(one("SELECT count(*) FROM handled"), "1");
  EXPECT_EQ(one("SELECT count(*) FROM event_jobs"), "0");
}

TEST_F(Events, CatchingUpReturnsExactlyTheMissedEventsTheViewerMaySeeInOrder) {
  Bus bus;
  ASSERT_TRUE(publish(bus, test_event("test.one", "1", {false, {kAlice}})));
  ASSERT_TRUE(publish(bus, test_event("test.two", "2", {true, {}})));
  ASSERT_TRUE(publish(bus, test_event("test.three", "3", {false, {kBob}})));
  ASSERT_TRUE(publish(bus, test_event("test.four", "4", {false, {kAlice, kBob}})));
  ASSERT_TRUE(publish(bus, test_event("test.five", "5", {true, {kAlice}})));

  auto seen = [&](const events::Viewer& v, std::int64_t after) {
    auto list = test::run(ioc, bus.since(pool, after, v, 100));
    EXPECT_TRUE(list);
    std::string out;
    for (const auto& e : *list) out += std::to_string(e.id) + e.subject_id + " ";
    return out;
  };
  const events::Viewer alice{kAlice, false}, bob{kBob, false}, staff{kBob, true};
  EXPECT_EQ(seen(alice, 0), "11 44 55 ");
  EXPECT_EQ(seen(alice, 1), "44 55 ");
  EXPECT_EQ(seen(bob, 3), "44 ");
  EXPECT_EQ(seen(staff, 1), "22 33 44 55 ");
  EXPECT_EQ(seen(alice, 5), "");
}

TEST_F(Events, TwoServersHandleEachEventOncePerGroupAndBothSeeEveryEventLive) {
  // Two dispatchers with pools of their own, as two server processes would have, running on
  // an event loop of their own while this thread publishes.
  struct Server {
    Server(asio::io_context& loop, const db::PoolOptions& p, const events::DispatcherOptions& o)
        : pool(loop.get_executor(), p), dispatcher(loop.get_executor(), pool, bus, o) {}
    Bus bus;
    db::Pool pool;
    std::mutex mutex;
    std::vector<std::int64_t> live;
    events::Dispatcher dispatcher;
  };
  asio::io_context loop;  // before the servers: destroyed after them
  std::vector<std::unique_ptr<Server>> servers;
  Bus publisher;  // this thread's, like a third server's: it only publishes
  record_in(publisher, "a", "test.*");
  record_in(publisher, "b", "test.*");
  for (int i = 0; i < 2; ++i) {
    auto s = std::make_unique<Server>(loop, pool_options(), fast_options());
    record_in(s->bus, "a", "test.*");
    record_in(s->bus, "b", "test.*");
    s->bus.on_live([raw = s.get()](const std::shared_ptr<const StoredEvent>& e) {
      std::lock_guard lock(raw->mutex);
      raw->live.push_back(e->id);
    });
    servers.push_back(std::move(s));
  }
  for (auto& s : servers) s->dispatcher.start();
  std::thread runner([&loop] {
    auto guard = asio::make_work_guard(loop);
    loop.run();
  });
  std::this_thread::sleep_for(500ms);  // the listeners are listening

  constexpr int kEvents = 20;
  for (int i = 0; i < kEvents; ++i)
    ASSERT_TRUE(publish(publisher, test_event("test.shared", std::to_string(i))));
  auto live_count = [&](Server& s) {
    std::lock_guard lock(s.mutex);
    return s.live.size();
  };
  for (int i = 0; i < 100; ++i) {
    if (one("SELECT count(*) FROM handled") == std::to_string(2 * kEvents) &&
        live_count(*servers[0]) == kEvents && live_count(*servers[1]) == kEvents)
      break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(one("SELECT count(*) FROM handled"), std::to_string(2 * kEvents));
  EXPECT_EQ(one("SELECT count(DISTINCT (event_id, grp)) FROM handled"),
            std::to_string(2 * kEvents));
  EXPECT_EQ(one("SELECT count(*) FROM event_jobs"), "0");
  std::vector<std::int64_t> expected(kEvents);
  for (int i = 0; i < kEvents; ++i) expected[i] = i + 1;
  for (auto& s : servers) {
    std::lock_guard lock(s->mutex);
    EXPECT_EQ(s->live, expected);  // every event, once, in id order
  }
  for (auto& s : servers) s->dispatcher.stop();
  loop.stop();
  runner.join();
}

// State that events invalidate may be kept only while the feed hears every event.
TEST_F(Events, TheFeedIsLiveOnceListeningAndCaughtUpAndStopsBeingLiveAtStop) {
  asio::io_context loop;
  db::Pool own_pool(loop.get_executor(), pool_options());
  Bus own_bus;
  std::mutex mutex;
  std::vector<bool> reported;
  own_bus.on_feed([&](bool live) {
    std::lock_guard lock(mutex);
    reported.push_back(live);
  });
  events::Dispatcher dispatcher(loop.get_executor(), own_pool, own_bus, fast_options());
  dispatcher.start();
  std::thread runner([&loop] {
    auto guard = asio::make_work_guard(loop);
    loop.run();
  });
  auto said = [&] {
    std::lock_guard lock(mutex);
    return reported;
  };
  for (int i = 0; i < 100 && said().empty(); ++i) std::this_thread::sleep_for(20ms);
  EXPECT_EQ(said(), std::vector<bool>{true});
  dispatcher.stop();
  for (int i = 0; i < 150 && said().size() < 2; ++i) std::this_thread::sleep_for(20ms);
  EXPECT_EQ(said(), (std::vector<bool>{true, false}));
  loop.stop();
  runner.join();
}

TEST_F(Events, ThePurgeRemovesOldEventsWhoseJobsAreDone) {
  Bus bus;
  record_in(bus, "keeper", "test.kept");
  ASSERT_TRUE(publish(bus, test_event("test.old")));
  ASSERT_TRUE(publish(bus, test_event("test.kept")));  // old, but its job is still to do
  ASSERT_TRUE(publish(bus, test_event("test.recent")));
  ASSERT_TRUE(
      exec("UPDATE events SET created_at = now() - interval '8 days' WHERE type <> 'test.recent'"));
  events::Dispatcher dispatcher(ioc.get_executor(), pool, bus, fast_options());
  auto purged = test::run(ioc, dispatcher.purge());
  ASSERT_TRUE(purged);
  EXPECT_EQ(*purged, 1);
  EXPECT_EQ(one("SELECT string_agg(type, ',' ORDER BY id) FROM events"), "test.kept,test.recent");
  // The counter keeps going: a client catching up never sees an old id again.
  ASSERT_TRUE(publish(bus, test_event("test.after")));
  EXPECT_EQ(one("SELECT max(id) FROM events"), "4");
}
