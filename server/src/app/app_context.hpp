#pragma once
// What modules receive when they register: configuration, the database, the executor for
// background work, and a place to keep their services alive as long as the server runs.

#include "app/config.hpp"
#include "core/db/db.hpp"
#include "core/http/router.hpp"

#include <boost/asio/thread_pool.hpp>

#include <memory>
#include <vector>

namespace declic::app {

struct AppContext {
  AppContext(const Config& c, core::db::Pool& pool, boost::asio::any_io_executor ex,
             boost::asio::thread_pool& blocking_pool)
      : config(c), db(pool), executor(std::move(ex)), blocking(blocking_pool) {}

  const Config& config;
  core::db::Pool& db;
  boost::asio::any_io_executor executor;  // the event loop, for background work
  boost::asio::thread_pool& blocking;     // CPU-heavy or blocking work (argon2id, SMTP)

  template <class T>
  T& own(std::unique_ptr<T> object) {
    T& ref = *object;
    owned_.push_back(std::shared_ptr<T>(std::move(object)));
    return ref;
  }

 private:
  std::vector<std::shared_ptr<void>> owned_;
};

}  // namespace declic::app
