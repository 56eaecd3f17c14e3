#include "core/events/dispatcher.hpp"

#include "core/db/connection.hpp"
#include "core/error/try.hpp"
#include "core/events/event_rows.hpp"
#include "core/log/log.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <utility>

namespace declic::core::events {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// The oldest due job, leased: its attempt counted and `lease_until` pushed past the
// handler's time, with its event, in one statement.
constexpr db::Statement kClaim{
    "event_jobs_claim",
    "UPDATE event_jobs j SET attempts = j.attempts + 1,"
    "  lease_until = now() + make_interval(secs => $1::float8 / 1000)"
    " FROM (SELECT id FROM event_jobs WHERE failed_at IS NULL AND lease_until <= now()"
    "       ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) due, events e"
    " WHERE j.id = due.id AND e.seq = j.event_seq"
    " RETURNING j.id, j.handler, j.attempts, e.id, e.type, e.subject_id, e.actor_id,"
    "  e.data::text, e.to_staff, array_to_string(e.to_users, ','), rfc3339(e.created_at)"};
// In the handler's transaction: the job is done only if no later claim took it over.
constexpr db::Statement kRetire{"event_jobs_retire",
                                "DELETE FROM event_jobs WHERE id = $1 AND attempts = $2"};
constexpr db::Statement kFailed{
    "event_jobs_failed",
    "UPDATE event_jobs SET lease_until = now() + make_interval(secs => $3::float8 / 1000),"
    "  last_error = $4, failed_at = CASE WHEN attempts >= $5 THEN now() END"
    " WHERE id = $1 AND attempts = $2"};
constexpr db::Statement kPurge{
    "events_purge",
    "DELETE FROM events WHERE seq IN (SELECT e.seq FROM events e"
    " WHERE e.created_at < now() - make_interval(hours => $1)"
    " AND NOT EXISTS (SELECT 1 FROM event_jobs j WHERE j.event_seq = e.seq)"
    " LIMIT 5000 FOR UPDATE SKIP LOCKED)"};

constexpr int kCatchUpBatch = 500;
constexpr auto kListenWait = 1s;  // how often the listener looks at `stopped`
constexpr auto kProbeAfter = 5s;  // of silence: a query proves the LISTEN connection still up
constexpr auto kReconnectDelay = 1s;
constexpr std::size_t kMaxErrorLength = 1000;

struct Job {
  std::int64_t id = 0;
  std::string group;
  int attempts = 0;
  StoredEvent event;
};

// Not Errc::retry: the transaction must not be run again, the job belongs to another attempt.
Error lease_lost() {
  auto e = Error::conflict("lease_lost", "The job was claimed again meanwhile.");
  e.cause = "lease expired before the handler finished";
  return e;
}

std::string_view error_text(const Error& e) {
  return e.cause.empty() ? e.detail : e.cause;
}

}  // namespace

namespace detail {

struct DispatcherState {
  DispatcherState(const asio::any_io_executor& ex, db::Pool& p, Bus& b, DispatcherOptions o)
      : strand(asio::make_strand(ex)), pool(p), bus(b), options(std::move(o)) {}

  asio::strand<asio::any_io_executor> strand;  // every loop runs here
  db::Pool& pool;
  Bus& bus;
  const DispatcherOptions options;
  std::atomic<bool> started{false}, stopped{false};
  std::vector<std::unique_ptr<asio::steady_timer>> sleepers;  // one per loop; cancel = wake
  std::int64_t delivered = -1;  // the live feed's position; -1 until the listener starts
  bool feed_live = false;       // listening and caught up: no committed event missed

  // On the strand.
  void set_feed(bool live) {
    if (std::exchange(feed_live, live) != live) bus.feed_changed(live);
  }

  // On the strand: every sleeping loop looks for work now.
  void wake() {
    for (auto& t : sleepers) t->cancel();
  }

  asio::awaitable<void> sleep(asio::steady_timer& timer, Clock::duration d) {
    timer.expires_after(d);
    boost::system::error_code ec;  // operation_aborted when woken
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }

  std::chrono::milliseconds backoff(int attempts) const {
    auto delay = options.retry_base;
    for (int i = 1; i < attempts && delay < options.retry_max; ++i) delay *= 2;
    return std::min(delay, options.retry_max);
  }
};

}  // namespace detail

namespace {

using detail::DispatcherState;

asio::awaitable<void> record_failure(DispatcherState& s, const Job& job, const Error& error) {
  const std::string text(error_text(error).substr(0, kMaxErrorLength));
  const bool last = job.attempts >= s.options.max_attempts;
  log::write(last ? log::Level::error : log::Level::warn,
             last ? "event handler failed for the last time" : "event handler failed; retrying",
             {{"event", job.event.id},
              {"type", std::string_view(job.event.type)},
              {"group", std::string_view(job.group)},
              {"attempts", std::int64_t(job.attempts)},
              {"error", std::string_view(text)}});
  const auto delay = static_cast<std::int64_t>(s.backoff(job.attempts).count());
  auto marked = co_await s.pool.query(
      kFailed, db::params(job.id, job.attempts, delay, text, s.options.max_attempts));
  if (!marked)  // the lease runs out anyway and the job comes back
    log::warn("event job failure not recorded", {{"error", error_text(marked.error())}});
}

// The handler and the job's retirement, in one transaction.
Async<void> handle(DispatcherState& s, const Job& job) {
  const auto* handler = s.bus.handler(job.group, job.event.type);
  if (!handler) co_return Error::internal("No handler " + job.group + " for " + job.event.type);
  co_return co_await s.pool.transact([&](db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRYV(co_await (*handler)(tx, job.event));
    DECLIC_CO_TRY(auto retired, co_await tx.query(kRetire, db::params(job.id, job.attempts)));
    if (retired.affected() != 1) co_return lease_lost();
    co_return Result<void>{};
  });
}

Async<bool> run_one(std::shared_ptr<DispatcherState> s) {
  const auto lease = static_cast<std::int64_t>(s->options.handler_timeout.count());
  DECLIC_CO_TRY(auto rows, co_await s->pool.query(kClaim, db::params(lease)));
  if (rows.empty()) co_return false;
  const auto row = rows[0];
  const Job job{row.get<std::int64_t>(0), row.get<std::string>(1), row.get<int>(2),
                decode_event(row, 3)};
  Result<void> outcome;
  try {
    outcome = co_await handle(*s, job);
  } catch (const std::exception& e) {  // a bug in a handler: retried like an error
    auto error = Error::internal();
    error.cause = e.what();
    outcome = error;
  }
  if (!outcome && outcome.error().code == "lease_lost")
    log::info("event job taken over by a later attempt",
              {{"event", job.event.id}, {"group", std::string_view(job.group)}});
  else if (!outcome)
    co_await record_failure(*s, job, outcome.error());
  co_return true;
}

asio::awaitable<void> work_loop(std::shared_ptr<DispatcherState> s, std::size_t index) {
  bool unavailable = false;  // log an outage once, not at every tick
  while (!s->stopped) {
    bool handled = false;
    try {
      auto ran = co_await run_one(s);
      if (ran) {
        handled = *ran;
        if (std::exchange(unavailable, false)) log::info("event jobs available again");
      } else if (!std::exchange(unavailable, true)) {
        log::warn("event jobs unavailable; retrying", {{"error", error_text(ran.error())}});
      }
    } catch (const std::exception& e) {
      log::error("event job loop failed", {{"error", std::string_view(e.what())}});
    }
    if (!handled && !s->stopped) co_await s->sleep(*s->sleepers[index], s->options.poll_interval);
  }
}

// Hands every committed event after the last delivered one to the live listeners; false
// when they could not all be read.
asio::awaitable<bool> catch_up(DispatcherState& s) {
  for (;;) {
    auto events = co_await s.bus.all_since(s.pool, s.delivered, kCatchUpBatch);
    if (!events) {
      log::warn("live events not read", {{"error", error_text(events.error())}});
      co_return false;  // the next NOTIFY, probe or reconnect tries again
    }
    for (auto& e : *events) {
      s.delivered = e.id;
      s.bus.deliver_live(std::make_shared<const StoredEvent>(std::move(e)));
    }
    if (static_cast<int>(events->size()) < kCatchUpBatch) co_return true;
  }
}

// One LISTEN session: until the connection breaks or the dispatcher stops.
asio::awaitable<void> listen_once(DispatcherState& s, db::Connection& conn) {
  if (auto listening = co_await conn.exec("LISTEN declic_events"); !listening) co_return;
  if (s.delivered < 0) {  // first start: the feed begins now, not at the first event ever
    auto last = co_await s.bus.last_id(s.pool);
    if (!last) co_return;
    s.delivered = *last;
  }
  s.set_feed(co_await catch_up(s));  // what committed while not listening
  s.wake();
  auto heard = Clock::now();
  while (!s.stopped) {
    auto arrived = co_await conn.notifications(Clock::now() + kListenWait);
    if (!arrived) co_return;
    if (!arrived->empty()) {
      heard = Clock::now();
      s.wake();
    } else if (Clock::now() - heard >= kProbeAfter) {
      heard = Clock::now();
      if (!co_await conn.exec("SELECT 1")) co_return;
    } else if (s.feed_live) {
      continue;
    }
    s.set_feed(co_await catch_up(s));  // also after a failed read: tried again each tick
  }
}

asio::awaitable<void> listen_loop(std::shared_ptr<DispatcherState> s) {
  auto& timer = *s->sleepers.back();
  while (!s->stopped) {
    try {
      auto conn = co_await db::Connection::open(s->options.conninfo, 5s, 30s);
      if (conn) {
        co_await listen_once(*s, **conn);
        s->set_feed(false);
      } else {
        log::warn("event listener cannot connect; retrying", {{"error", error_text(conn.error())}});
      }
    } catch (const std::exception& e) {
      log::error("event listener failed", {{"error", std::string_view(e.what())}});
      s->set_feed(false);
    }
    if (!s->stopped) co_await s->sleep(timer, kReconnectDelay);
  }
}

}  // namespace

Dispatcher::Dispatcher(asio::any_io_executor executor, db::Pool& pool, Bus& bus,
                       DispatcherOptions options)
    : state_(
          std::make_shared<DispatcherState>(std::move(executor), pool, bus, std::move(options))) {}

Dispatcher::~Dispatcher() {
  stop();
}

void Dispatcher::start() {
  if (state_->started.exchange(true)) return;
  auto& s = *state_;
  const auto workers = static_cast<std::size_t>(std::max(1, s.options.workers));
  for (std::size_t i = 0; i < workers + 1; ++i)
    s.sleepers.push_back(std::make_unique<asio::steady_timer>(s.strand));
  for (std::size_t i = 0; i < workers; ++i)
    asio::co_spawn(s.strand, work_loop(state_, i), asio::detached);
  asio::co_spawn(s.strand, listen_loop(state_), asio::detached);
}

void Dispatcher::stop() {
  if (state_->stopped.exchange(true)) return;
  asio::post(state_->strand, [s = state_] { s->wake(); });
}

Async<bool> Dispatcher::run_one() {
  co_return co_await asio::co_spawn(state_->strand, events::run_one(state_), asio::use_awaitable);
}

Async<std::int64_t> Dispatcher::purge() {
  co_return db::affected(
      co_await state_->pool.query(kPurge, db::params(state_->options.retention.count())));
}

}  // namespace declic::core::events
