#include "core/http/gate.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace declic::core::http {

namespace asio = boost::asio;

// One coroutine waiting for a place. `admitted` is set under the gate's mutex.
struct Gate::Waiter {
  explicit Waiter(asio::any_io_executor ex) : timer(std::move(ex)) {}
  asio::steady_timer timer;
  bool admitted = false;
};

asio::awaitable<bool> Gate::enter(std::chrono::milliseconds patience) {
  std::unique_lock lock(mutex_);
  if (inside_ < limit_ && waiters_.empty()) {
    ++inside_;
    co_return true;
  }
  auto waiter = std::make_shared<Waiter>(co_await asio::this_coro::executor);
  waiter->timer.expires_after(patience);
  waiters_.push_back(waiter);
  lock.unlock();

  boost::system::error_code ec;
  co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));

  lock.lock();
  if (waiter->admitted) co_return true;
  std::erase(waiters_, waiter);  // timed out: leave the queue
  co_return false;
}

void Gate::leave() {
  std::lock_guard lock(mutex_);
  if (waiters_.empty()) {
    --inside_;
    return;
  }
  // The place goes straight to the oldest waiter: `inside_` stays as it is.
  auto waiter = std::move(waiters_.front());
  waiters_.pop_front();
  waiter->admitted = true;
  asio::post(waiter->timer.get_executor(), [waiter] { waiter->timer.cancel(); });
}

std::size_t Gate::inside() const {
  std::lock_guard lock(mutex_);
  return inside_;
}

std::size_t Gate::waiting() const {
  std::lock_guard lock(mutex_);
  return waiters_.size();
}

}  // namespace declic::core::http
