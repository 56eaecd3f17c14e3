#include "core/db/housekeeping.hpp"

#include "core/log/log.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace declic::core::db {

namespace asio = boost::asio;

namespace {
// A task that still finds work after this many batches resumes at the next run: one table
// with a backlog must not starve the others.
constexpr int kMaxBatchesPerRun = 50;
}  // namespace

struct Housekeeping::Loop {
  explicit Loop(asio::any_io_executor ex) : strand(asio::make_strand(ex)), timer(strand) {}
  asio::strand<asio::any_io_executor> strand;
  asio::steady_timer timer;
  std::atomic<bool> stopped{false};
};

void Housekeeping::add(std::string name, Task task) {
  tasks_.push_back(
      {std::move(name), std::move(task), std::make_unique<std::atomic<std::int64_t>>(0)});
}

asio::awaitable<void> Housekeeping::run_once() {
  for (auto& entry : tasks_) {
    std::int64_t total = 0;
    for (int batch = 0; batch < kMaxBatchesPerRun; ++batch) {
      Result<std::int64_t> done = std::int64_t{0};
      try {
        done = co_await entry.task();
      } catch (const std::exception& e) {
        log::error("housekeeping task failed",
                   {{"task", std::string_view(entry.name)}, {"error", std::string_view(e.what())}});
        break;
      }
      if (!done) {
        const auto& e = done.error();
        log::warn("housekeeping task failed",
                  {{"task", std::string_view(entry.name)},
                   {"error", std::string_view(e.cause.empty() ? e.detail : e.cause)}});
        break;
      }
      if (*done <= 0) break;
      total += *done;
      entry.removed->fetch_add(*done, std::memory_order_relaxed);
    }
    if (total > 0)
      log::info("housekeeping", {{"task", std::string_view(entry.name)}, {"rows", total}});
  }
}

void Housekeeping::start(asio::any_io_executor executor, std::chrono::milliseconds interval) {
  if (loop_) return;
  loop_ = std::make_shared<Loop>(std::move(executor));
  asio::co_spawn(loop_->strand, run_every(loop_, interval), asio::detached);
}

// A member coroutine with by-value parameters, not a capturing lambda: a lambda's captures
// die with it when co_spawn returns.
asio::awaitable<void> Housekeeping::run_every(std::shared_ptr<Loop> loop,
                                              std::chrono::milliseconds interval) {
  while (!loop->stopped) {
    co_await run_once();
    loop->timer.expires_after(interval);
    boost::system::error_code ec;
    co_await loop->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

void Housekeeping::stop() {
  if (!loop_) return;
  loop_->stopped = true;
  asio::post(loop_->strand, [loop = loop_] { loop->timer.cancel(); });
}

void Housekeeping::render(std::string& out) const {
  out += "# HELP declic_housekeeping_rows_total Rows purged (or expired) by housekeeping.\n";
  out += "# TYPE declic_housekeeping_rows_total counter\n";
  for (const auto& entry : tasks_)
    out += "declic_housekeeping_rows_total{task=\"" + entry.name + "\"} " +
           std::to_string(entry.removed->load(std::memory_order_relaxed)) + "\n";
}

}  // namespace declic::core::db
