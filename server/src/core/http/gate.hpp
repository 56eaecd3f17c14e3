#pragma once
// A counting gate for coroutines: at most `limit` holders inside at once; the others wait in
// arrival order, each for a bounded time. The server puts one in front of each route's
// handler, so that one kind of request cannot hold every database connection.

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>

namespace declic::core::http {

class Gate {
 public:
  explicit Gate(std::size_t limit) : limit_(limit) {}

  // Takes a place, waiting `patience` at most; false when none came free in time.
  // Thread-safe; the caller runs on a strand (a freed place is handed over by cancelling
  // the waiter's timer on its own executor, as the database pool does).
  boost::asio::awaitable<bool> enter(std::chrono::milliseconds patience);
  // Hands the place to the oldest waiter, or frees it. Once per successful enter().
  void leave();

  std::size_t limit() const { return limit_; }
  std::size_t inside() const;
  std::size_t waiting() const;

 private:
  struct Waiter;
  const std::size_t limit_;
  mutable std::mutex mutex_;
  std::size_t inside_ = 0;
  std::deque<std::shared_ptr<Waiter>> waiters_;  // oldest first
};

// Leaves the gate when it goes out of scope.
class GatePass {
 public:
  explicit GatePass(Gate& gate) : gate_(gate) {}
  GatePass(const GatePass&) = delete;
  GatePass& operator=(const GatePass&) = delete;
  ~GatePass() { gate_.leave(); }

 private:
  Gate& gate_;
};

}  // namespace declic::core::http
