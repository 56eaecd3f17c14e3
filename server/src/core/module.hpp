#pragma once
// What a module's install() receives from the composition root (app/app.cpp): the database,
// the event bus, the router and the guards, executors for background work, the housekeeping
// job, and a place to keep its objects alive while the server runs. Modules never include app/.
//
// Each module declares what it needs of other modules in an `Imports` struct and returns
// its service from `install(ModuleContext&, const Imports&)`, so app.cpp reads as a list in
// dependency order (docs/decisions.md, "Modules").

#include "core/auth/guards.hpp"
#include "core/db/db.hpp"
#include "core/db/housekeeping.hpp"
#include "core/events/events.hpp"
#include "core/http/page_cache.hpp"
#include "core/http/router.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace declic::core {

struct ModuleContext {
  ModuleContext(db::Pool& pool, events::Bus& bus, http::Router& r, boost::asio::any_io_executor ex,
                boost::asio::thread_pool& blocking_pool, http::PageCacheOptions kept_pages = {})
      : db(pool),
        events(bus),
        router(r),
        executor(std::move(ex)),
        blocking(blocking_pool),
        pages(kept_pages) {}
  ModuleContext(const ModuleContext&) = delete;  // the guards refer to `authenticate`
  ModuleContext& operator=(const ModuleContext&) = delete;

  db::Pool& db;
  events::Bus& events;
  http::Router& router;
  boost::asio::any_io_executor executor;  // the event loop, for background work
  boost::asio::thread_pool& blocking;     // CPU-heavy or blocking work (argon2id)
  auth::Authenticate authenticate;        // bearer token → principal: set by the auth module
  db::Housekeeping housekeeping;          // each module adds the purges of its own tables
  // Work a module does in the background while the server serves (never during a command such
  // as create-admin): started once it listens, stopped at shutdown.
  struct Background {
    std::function<void()> start, stop;
  };
  std::vector<Background> background;
  // What modules add to /metrics: each appends its series in Prometheus text format.
  std::vector<std::function<void(std::string&)>> metrics;
  // Signed-in reads answered without a query while nothing changed (app/modules.cpp wires
  // it to the events).
  http::PageCache pages;
  const auth::Guards guards = auth::make_guards(authenticate);

  template <class T>
  T& own(std::unique_ptr<T> object) {
    T& ref = *object;
    owned_.push_back(std::shared_ptr<T>(std::move(object)));
    return ref;
  }

 private:
  std::vector<std::shared_ptr<void>> owned_;
};

}  // namespace declic::core
