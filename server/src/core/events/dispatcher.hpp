#pragma once
// Runs what happens after an event committed, in each server process:
//
// - the jobs of the after-commit groups: claimed with a lease (FOR UPDATE SKIP LOCKED, any
//   number of servers), handled in a transaction that also retires the job only while the
//   claim still holds, retried with exponential backoff on an error, an exception or a
//   handler that outlives its lease (`handler_timeout`), never lost when a process dies;
// - the live feed: one dedicated connection LISTENs on `declic_events`; on each NOTIFY (or a
//   reconnect) the events after the last one delivered are read in id order and handed to
//   the Bus's live listeners, and the job workers are woken;
// - purge(), for housekeeping: events older than `retention` whose jobs are done.
//
// Everything runs on a strand of `executor`; `pool` and `bus` must outlive the dispatcher.

#include "core/events/events.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace declic::core::events {

struct DispatcherOptions {
  std::string conninfo;                              // for the LISTEN connection (the pool's own)
  std::chrono::milliseconds handler_timeout{30000};  // a job's lease
  std::chrono::milliseconds retry_base{1000};        // backoff: base × 2^(attempts − 1) …
  std::chrono::milliseconds retry_max{3600 * 1000};  // … capped
  int max_attempts = 10;                             // then the job stays, failed
  int workers = 2;                                   // jobs handled at once per process
  std::chrono::milliseconds poll_interval{1000};     // due retries, and a lost NOTIFY
  std::chrono::hours retention{24 * 7};
};

namespace detail {
struct DispatcherState;
}

class Dispatcher {
 public:
  Dispatcher(boost::asio::any_io_executor executor, db::Pool& pool, Bus& bus,
             DispatcherOptions options);
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  void start();  // the listener and the job workers
  void stop();   // loops end after their current job; thread-safe

  // One job, if one is due: true when one was handled (successfully or not). For tests and
  // the workers.
  Async<bool> run_one();
  // Deletes events past the retention whose jobs are all done; returns how many.
  Async<std::int64_t> purge();

 private:
  std::shared_ptr<detail::DispatcherState> state_;
};

}  // namespace declic::core::events
