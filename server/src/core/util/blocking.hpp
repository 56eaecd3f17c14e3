#pragma once
// Runs CPU-heavy or blocking work (argon2id, SMTP, image work) on a thread pool and resumes
// the caller on its own executor: the event loop never waits for it.
//
// Built on async_initiate rather than co_spawn of a capturing coroutine lambda: g++ 12
// destroys such captures twice (double free seen under ASan).

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <memory>
#include <type_traits>

namespace declic::core {

// A pool for CPU-heavy work whose threads run at a lower priority (nice +10) than the event
// loop: a burst of argon2id hashing then mostly waits for the loop and the database, so a
// sign-in flood costs sign-in latency rather than everyone's (bench/auth measures it).
std::unique_ptr<boost::asio::thread_pool> make_background_pool(unsigned threads);

template <class F, class R = std::invoke_result_t<F>>
auto run_blocking(boost::asio::thread_pool& pool, F f) {
  namespace asio = boost::asio;
  return asio::async_initiate<const asio::use_awaitable_t<>, void(std::exception_ptr, R)>(
      [&pool](auto handler, F work) {
        asio::post(pool, [handler = std::move(handler), work = std::move(work)]() mutable {
          std::exception_ptr failure;
          R result{};
          try {
            result = work();
          } catch (...) {
            failure = std::current_exception();
          }
          auto home = asio::get_associated_executor(handler);
          asio::dispatch(
              home, [handler = std::move(handler), failure, result = std::move(result)]() mutable {
                std::move(handler)(failure, std::move(result));
              });
        });
      },
      asio::use_awaitable, std::move(f));
}

}  // namespace declic::core
