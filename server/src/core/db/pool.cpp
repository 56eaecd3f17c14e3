#include "core/db/connection.hpp"

#include "core/error/try.hpp"
#include "core/log/log.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <deque>
#include <mutex>
#include <utility>

namespace declic::core::db {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {
// One coroutine waiting for a connection. `handed` is set under the pool mutex.
struct Waiter {
  explicit Waiter(asio::any_io_executor ex) : timer(ex) {}
  asio::steady_timer timer;
  std::unique_ptr<Connection> handed;
  bool woken = false;  // handed a connection, or told to retry (a slot freed)
};

constexpr auto kBackoffMin = std::chrono::milliseconds(100);
constexpr auto kBackoffMax = std::chrono::milliseconds(2000);
}  // namespace

struct PoolState : std::enable_shared_from_this<PoolState> {
  asio::any_io_executor executor;
  PoolOptions options;
  mutable std::mutex mutex;
  std::vector<std::unique_ptr<Connection>> idle;
  std::deque<std::shared_ptr<Waiter>> waiters;  // oldest first
  std::size_t open = 0;                         // idle + in use + connecting
  bool closed = false;
  Clock::time_point next_connect{};
  std::chrono::milliseconds backoff{0};
  std::uint64_t acquire_timeouts = 0, connect_failures = 0;

  // Under the mutex: hands the oldest waiter a connection, or a chance to open one.
  void wake_oldest(std::unique_ptr<Connection> conn) {
    auto w = std::move(waiters.front());
    waiters.pop_front();
    w->handed = std::move(conn);
    w->woken = true;
    asio::post(w->timer.get_executor(), [w] { w->timer.cancel(); });
  }

  void release(std::unique_ptr<Connection> conn);
};

asio::awaitable<void> rollback_and_release(std::shared_ptr<PoolState> state,
                                           std::unique_ptr<Connection> conn);

Pool::Pool(asio::any_io_executor executor, PoolOptions options)
    : state_(std::make_shared<PoolState>()) {
  state_->executor = std::move(executor);
  state_->options = std::move(options);
}

Pool::~Pool() {
  close();
}

void Pool::close() {
  std::vector<std::unique_ptr<Connection>> idle;
  {
    std::lock_guard lock(state_->mutex);
    state_->closed = true;
    idle.swap(state_->idle);
    state_->open -= idle.size();
    while (!state_->waiters.empty()) state_->wake_oldest(nullptr);
  }
}

PoolStats Pool::stats() const {
  std::lock_guard lock(state_->mutex);
  const auto& s = *state_;
  return {s.options.max_size,     s.open,           s.idle.size(),
          s.open - s.idle.size(), s.waiters.size(), s.acquire_timeouts,
          s.connect_failures};
}

asio::awaitable<Result<Lease>> Pool::acquire() {
  auto& s = *state_;
  const auto deadline = Clock::now() + s.options.acquire_timeout;
  for (;;) {
    std::unique_lock lock(s.mutex);
    if (s.closed) co_return Error::unavailable("The server is shutting down.");

    if (!s.idle.empty()) {
      auto conn = std::move(s.idle.back());  // most recently used: warm caches
      s.idle.pop_back();
      lock.unlock();
      if (conn->healthy()) co_return Lease(state_, std::move(conn));
      lock.lock();
      --s.open;
      continue;
    }

    if (s.open < s.options.max_size) {
      if (Clock::now() < s.next_connect)
        co_return Error::unavailable("The database is unavailable.");
      ++s.open;
      lock.unlock();
      auto conn = co_await Connection::open(s.options.conninfo, s.options.connect_timeout,
                                            s.options.query_timeout);
      lock.lock();
      if (conn) {
        s.backoff = std::chrono::milliseconds(0);
        lock.unlock();
        co_return Lease(state_, std::move(*conn));
      }
      --s.open;
      ++s.connect_failures;
      s.backoff = std::clamp(s.backoff * 2, kBackoffMin, kBackoffMax);
      s.next_connect = Clock::now() + s.backoff;
      log::warn("database connect failed",
                {{"cause", conn.error().cause}, {"retryInMs", std::int64_t(s.backoff.count())}});
      co_return conn.error();
    }

    if (Clock::now() >= deadline) {
      ++s.acquire_timeouts;
      co_return Error::unavailable("The database is busy. Try again.");
    }
    auto waiter = std::make_shared<Waiter>(co_await asio::this_coro::executor);
    waiter->timer.expires_at(deadline);
    s.waiters.push_back(waiter);
    lock.unlock();

    boost::system::error_code ec;
    co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));

    lock.lock();
    if (waiter->handed) {
      lock.unlock();
      co_return Lease(state_, std::move(waiter->handed));
    }
    if (!waiter->woken) std::erase(s.waiters, waiter);  // timed out: leave the queue
  }
}

// A named coroutine with by-value parameters rather than a capturing lambda: g++ 12
// destroys the captures of co_spawned coroutine lambdas twice.
asio::awaitable<void> rollback_and_release(std::shared_ptr<PoolState> state,
                                           std::unique_ptr<Connection> conn) {
  (void)co_await conn->exec("ROLLBACK");
  state->release(std::move(conn));
}

void PoolState::release(std::unique_ptr<Connection> conn) {
  auto& s = *this;
  // Not healthy(): its peek, a system call, is for a connection that sat idle; this one was
  // just used, and acquire() checks it again when it next leaves the idle set.
  if (!s.closed && conn->usable() && conn->in_transaction()) {
    // A transaction dropped without commit: roll it back now, so its locks go at once.
    asio::co_spawn(asio::make_strand(s.executor),
                   rollback_and_release(shared_from_this(), std::move(conn)), asio::detached);
    return;
  }
  std::unique_lock lock(s.mutex);
  const bool reusable = !s.closed && conn->usable();
  if (!reusable) {
    --s.open;
    if (!s.waiters.empty()) s.wake_oldest(nullptr);  // a slot freed: let it try to connect
    lock.unlock();
    conn.reset();
    return;
  }
  if (!s.waiters.empty())
    s.wake_oldest(std::move(conn));
  else
    s.idle.push_back(std::move(conn));
}

asio::awaitable<Result<Rows>> Pool::query(const Statement& st, Params params) {
  DECLIC_CO_TRY(auto lease, co_await acquire());
  co_return co_await lease.query(st, std::move(params));
}

asio::awaitable<Result<Tx>> Pool::begin() {
  DECLIC_CO_TRY(auto lease, co_await acquire());
  DECLIC_CO_TRYV(co_await lease.exec("BEGIN"));
  co_return Tx(std::move(lease));
}

// ---- Lease and Tx ------------------------------------------------------------------------

Lease::Lease(std::shared_ptr<PoolState> pool, std::unique_ptr<Connection> conn)
    : pool_(std::move(pool)), conn_(std::move(conn)) {}
Lease::Lease(Lease&& other) noexcept
    : pool_(std::move(other.pool_)), conn_(std::move(other.conn_)) {}
Lease::~Lease() {
  if (conn_) pool_->release(std::move(conn_));
}

asio::awaitable<Result<Rows>> Lease::query(const Statement& st, Params params) {
  co_return co_await conn_->query(st, params);
}

asio::awaitable<Result<void>> Lease::exec(std::string_view sql) {
  co_return co_await conn_->exec(sql);
}

asio::awaitable<Result<std::string>> Lease::exec_tag(std::string_view sql) {
  co_return co_await conn_->exec_tag(sql);
}

asio::awaitable<Result<Rows>> Tx::query(const Statement& st, Params params) {
  co_return co_await lease_.query(st, std::move(params));
}

// PostgreSQL answers COMMIT of a failed transaction with "ROLLBACK" and no error: a caller
// that ignored a failed statement must not believe its work was saved.
asio::awaitable<Result<void>> Tx::commit() {
  DECLIC_CO_TRY(auto tag, co_await lease_.exec_tag("COMMIT"));
  if (tag != "COMMIT") {
    auto e = Error::internal();
    e.cause = "transaction rolled back at commit (a statement in it had failed)";
    co_return e;
  }
  for (auto& done : std::exchange(on_commit_, {})) done();
  co_return Result<void>{};
}

void Tx::after_commit(std::function<void()> done) {
  on_commit_.push_back(std::move(done));
}

}  // namespace declic::core::db
