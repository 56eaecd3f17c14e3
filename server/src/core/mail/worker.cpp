// The delivery loop: claim due rows, hand each to SMTP (or a file) on the worker's own thread,
// record the outcome. What must stay true: a row is marked sent only after the transport
// accepted it, and nothing blocking ever runs on the event loop.
#include "core/log/log.hpp"

#include "core/error/try.hpp"
#include "core/mail/mail.hpp"
#include "core/mail/message.hpp"
#include "core/mail/outbox.hpp"
#include "core/mail/transport.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <utility>

namespace declic::core::mail {

namespace asio = boost::asio;

namespace {
// A claimed row stays leased until every message of its batch could have timed out (30 s
// each, sent one after the other), plus a margin: no other worker takes it while this one may
// still be delivering it. A worker that died leaves its rows due again after the lease.
constexpr std::chrono::seconds kLeaseMargin{60};
constexpr std::chrono::seconds kLeasePerMessage{30};
constexpr int kLoopBatch = 20;
constexpr std::size_t kMaxErrorLength = 1000;

std::string_view error_text(const Error& e) {
  return e.cause.empty() ? e.detail : e.cause;
}
}  // namespace

namespace detail {

struct WorkerState {
  WorkerState(const asio::any_io_executor& executor, db::Pool& p, MailerOptions o)
      : strand(asio::make_strand(executor)), pool(p), options(std::move(o)), timer(strand) {}

  asio::strand<asio::any_io_executor> strand;  // every coroutine of the worker runs here
  db::Pool& pool;
  const MailerOptions options;
  asio::steady_timer timer;       // the wait between passes; used on the strand only
  asio::thread_pool blocking{1};  // libcurl and file writes
  std::atomic<bool> started{false};
  std::atomic<bool> stopped{false};  // the loop ends after its current batch
  std::mutex jobs_mutex;
  bool closed = false;  // under jobs_mutex: the worker is being destroyed, no new job
};

}  // namespace detail

namespace {

using detail::WorkerState;

// One message to hand over, with everything the blocking call needs (copied: it runs on the
// worker's thread).
struct Job {
  MailerOptions options;
  std::int64_t id = 0;
  std::string to;
  std::string message;  // rendered
};

Delivery perform(const Job& job) {
  try {
    return job.options.smtp_url.empty() ? write_eml(job.options, job.id, job.message)
                                        : send_smtp(job.options, job.to, job.message);
  } catch (const std::exception& e) {
    Delivery d;
    d.error = std::string("mail: ") + e.what();
    return d;
  }
}

// Starts a Job on the worker's thread; its completion goes back to the caller's executor (the
// strand). Once the worker is closed nothing starts: the caller gets attempted == false.
// Built outside any coroutine on purpose: GCC 12 corrupts a capturing lambda or a braced
// aggregate written as a temporary inside a co_await expression (its members are copied
// bytewise, then freed twice). In coroutines, name such objects before awaiting.
struct StartJob {
  WorkerState* s;

  template <class Handler>
  void operator()(Handler handler, Job job) const {
    auto back = asio::prefer(asio::get_associated_executor(handler),
                             asio::execution::outstanding_work.tracked);
    std::lock_guard lock(s->jobs_mutex);
    if (s->closed) {
      Delivery skipped;
      skipped.attempted = false;
      skipped.error = "mail worker stopped";
      asio::post(back, [h = std::move(handler), d = std::move(skipped)]() mutable {
        std::move(h)(std::move(d));
      });
      return;
    }
    asio::post(s->blocking, [job = std::move(job), h = std::move(handler), back]() mutable {
      auto d = perform(job);
      asio::post(back,
                 [h = std::move(h), d = std::move(d)]() mutable { std::move(h)(std::move(d)); });
    });
  }
};

// Not a coroutine: returns the operation to co_await.
asio::awaitable<Delivery> run_blocking(WorkerState& s, Job job) {
  return asio::async_initiate<decltype(asio::use_awaitable), void(Delivery)>(
      StartJob{&s}, asio::use_awaitable, std::move(job));
}

struct Pass {
  int claimed = 0;
  int sent = 0;
};

// Writes the outcome of one delivery. A database error here is logged, not returned: the
// message went out (or not) whatever the database says, and the lease covers a lost update.
asio::awaitable<void> record(WorkerState& s, const outbox::Claimed& row, const Delivery& d) {
  const std::string_view to = row.message.to;
  if (d.ok) {
    if (d.file.empty())
      log::info("mail sent", {{"id", row.id}, {"to", to}});
    else
      log::info("mail written", {{"to", to}, {"file", std::string_view(d.file)}});
    if (auto r = co_await outbox::mark_sent(s.pool, row.id); !r)
      log::error("mail delivered but not marked sent; it will be sent again",
                 {{"id", row.id}, {"error", error_text(r.error())}});
    co_return;
  }
  const std::string error = d.error.substr(0, kMaxErrorLength);
  const bool abandoned = row.attempts >= s.options.max_attempts;
  log::write(abandoned ? log::Level::error : log::Level::warn,
             abandoned ? "mail abandoned after its last attempt" : "mail delivery failed",
             {{"id", row.id},
              {"to", to},
              {"attempts", std::int64_t(row.attempts)},
              {"error", std::string_view(error)}});
  if (auto r = co_await outbox::mark_failed(s.pool, row.id, error); !r)
    log::error("mail failure not recorded", {{"id", row.id}, {"error", error_text(r.error())}});
}

asio::awaitable<Result<Pass>> run_pass(std::shared_ptr<WorkerState> s, int limit) {
  if (limit <= 0) co_return Pass{};
  DECLIC_CO_TRY(auto claimed, co_await outbox::claim(s->pool, limit, s->options.max_attempts,
                                                     kLeaseMargin + kLeasePerMessage * limit));
  Pass pass{static_cast<int>(claimed.size()), 0};
  std::optional<std::string> server_down;  // set by the first failure of the server itself

  for (std::size_t i = 0; i < claimed.size(); ++i) {
    const auto& row = claimed[i];
    if (!valid_address(row.message.to)) {  // written before enqueue() checked, or by hand
      log::error("mail abandoned: invalid recipient", {{"id", row.id}});
      (void)co_await outbox::mark_abandoned(s->pool, row.id, "invalid recipient address",
                                            s->options.max_attempts);
      continue;
    }
    Delivery d;
    if (server_down) {
      d.error = *server_down;  // not tried: it would wait for the same dead server
    } else {
      Job job{s->options, row.id, row.message.to, render_message(s->options, row.message, row.id)};
      d = co_await run_blocking(*s, std::move(job));
      if (!d.attempted) {  // the worker is going away: give back what is left of the batch
        for (auto j = i; j < claimed.size(); ++j)
          (void)co_await outbox::release(s->pool, claimed[j].id);
        break;
      }
      if (!d.ok && d.unreachable) server_down = d.error;
    }
    co_await record(*s, row, d);
    if (d.ok) ++pass.sent;
  }
  co_return pass;
}

asio::awaitable<void> run_loop(std::shared_ptr<WorkerState> s) {
  log::info("mail worker started",
            {{"transport", std::string_view(s->options.smtp_url.empty() ? "files" : "smtp")}});
  bool unavailable = false;  // log the outage once, not at every tick
  while (!s->stopped) {
    int claimed = 0;
    try {
      auto pass = co_await run_pass(s, kLoopBatch);
      if (pass) {
        claimed = pass->claimed;
        if (std::exchange(unavailable, false)) log::info("mail outbox available again");
      } else if (!std::exchange(unavailable, true)) {
        log::warn("mail outbox unavailable; retrying", {{"error", error_text(pass.error())}});
      }
    } catch (const std::exception& e) {  // a bug: keep delivering the rest
      log::error("mail delivery pass failed", {{"error", std::string_view(e.what())}});
    }
    if (s->stopped) break;
    if (claimed == kLoopBatch) continue;  // a full batch: more may be due already
    s->timer.expires_after(s->options.poll_interval);
    boost::system::error_code ec;  // operation_aborted when stop() cancels the wait
    co_await s->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  log::info("mail worker stopped");
}

}  // namespace

MailWorker::MailWorker(asio::any_io_executor executor, db::Pool& pool, MailerOptions options)
    : state_(std::make_shared<WorkerState>(std::move(executor), pool, std::move(options))) {
  init_transport();
  if (!valid_address(parse_sender(state_->options.from).address))
    log::warn("mail sender has no valid address; servers will likely refuse the mail",
              {{"from", std::string_view(state_->options.from)}});
}

MailWorker::~MailWorker() {
  try {
    stop();
    {
      std::lock_guard lock(state_->jobs_mutex);
      state_->closed = true;
    }
    // Waits for a delivery in flight (at most the SMTP timeout): its completion must reach
    // the strand while the io_context still exists.
    state_->blocking.join();
  } catch (const std::exception& e) {
    log::error("mail worker did not stop cleanly", {{"error", std::string_view(e.what())}});
  }
}

void MailWorker::start() {
  if (state_->started.exchange(true)) return;
  asio::co_spawn(state_->strand, run_loop(state_), asio::detached);
}

void MailWorker::stop() {
  if (state_->stopped.exchange(true)) return;
  // On the strand, after the loop's check of `stopped`: either it saw the flag or it is
  // waiting now and this wakes it.
  asio::post(state_->strand, [s = state_] { s->timer.cancel(); });
}

asio::awaitable<Result<int>> MailWorker::deliver_due(int limit) {
  DECLIC_CO_TRY(auto pass, co_await asio::co_spawn(state_->strand, run_pass(state_, limit),
                                                   asio::use_awaitable));
  co_return pass.sent;
}

}  // namespace declic::core::mail
