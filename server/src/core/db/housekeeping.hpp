#pragma once
// Tidy data: one job, on every server, runs the purges the modules register (expired
// sessions, spent links, old counters, sent mails, delivered events, orphan uploads,
// unanswered booking requests…). A task removes a bounded batch per call and claims its rows
// with FOR UPDATE SKIP LOCKED, so servers running at the same moment remove different rows,
// each row once. Counts go to /metrics.

#include "core/async.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace declic::core::db {

class Housekeeping {
 public:
  // One batch: how many rows it removed (or changed); 0 when nothing is left to do.
  using Task = std::function<Async<std::int64_t>()>;

  void add(std::string name, Task task);
  // Runs every task until it has nothing left (a bounded number of batches each).
  boost::asio::awaitable<void> run_once();
  // Runs run_once() now and then every `interval`, until stop().
  void start(boost::asio::any_io_executor executor, std::chrono::milliseconds interval);
  void stop();
  // Prometheus lines: rows removed per task since start.
  void render(std::string& out) const;

 private:
  struct Entry {
    std::string name;
    Task task;
    std::unique_ptr<std::atomic<std::int64_t>> removed;
  };
  struct Loop;
  boost::asio::awaitable<void> run_every(std::shared_ptr<Loop> loop,
                                         std::chrono::milliseconds interval);
  std::vector<Entry> tasks_;
  std::shared_ptr<Loop> loop_;
};

}  // namespace declic::core::db
