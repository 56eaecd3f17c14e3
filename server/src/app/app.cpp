#include "app/app.hpp"

#include "app/app_context.hpp"
#include "app/resources.hpp"
#include "app/system_routes.hpp"
#include "core/db/migrate.hpp"
#include "core/http/server.hpp"
#include "core/log/log.hpp"
#include "modules/settings/settings_module.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <thread>

namespace declic::app {

namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

core::db::PoolOptions pool_options(const Config& c) {
  core::db::PoolOptions o;
  o.conninfo = c.database_url;
  o.max_size = c.db_pool_size;
  o.acquire_timeout = c.db_acquire_timeout;
  return o;
}

void apply_log_level(const Config& c) {
  using core::log::Level;
  core::log::set_level(c.log_level == "debug"  ? Level::debug
                       : c.log_level == "warn" ? Level::warn
                       : c.log_level == "error" ? Level::error
                                                : Level::info);
}

// Runs the migrations on `ioc` (not yet serving). The database may still be starting:
// connection failures are retried for a few seconds, a failing migration is not.
bool run_migrations(asio::io_context& ioc, core::db::Pool& pool) {
  bool ok = false;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        const auto migrations = embedded_migrations();
        for (int attempt = 1;; ++attempt) {
          auto report = co_await core::db::migrate(pool, migrations);
          if (report) {
            for (const auto& name : report->applied)
              core::log::info("migration applied", {{"name", std::string_view(name)}});
            core::log::info("schema up to date",
                            {{"applied", std::int64_t(report->applied.size())},
                             {"alreadyApplied", std::int64_t(report->already_applied)}});
            ok = true;
            co_return;
          }
          const auto& e = report.error();
          if (e.errc != core::Errc::unavailable || attempt == 10) {
            core::log::error("migration failed",
                             {{"error", std::string_view(e.cause.empty() ? e.detail : e.cause)}});
            co_return;
          }
          asio::steady_timer t(co_await asio::this_coro::executor, 500ms);
          co_await t.async_wait(asio::use_awaitable);
        }
      },
      asio::detached);
  ioc.run();
  ioc.restart();
  return ok;
}

asio::awaitable<void> graceful_shutdown(asio::io_context& ioc, core::http::Server& server,
                                        core::db::Pool& pool, std::chrono::milliseconds grace) {
  core::log::info("shutting down", {{"openConnections", std::int64_t(server.open_connections())}});
  server.begin_shutdown();
  const auto deadline = std::chrono::steady_clock::now() + grace;
  asio::steady_timer t(co_await asio::this_coro::executor);
  while (server.open_connections() > 0 && std::chrono::steady_clock::now() < deadline) {
    t.expires_after(10ms);
    co_await t.async_wait(asio::use_awaitable);
  }
  const auto left = server.open_connections();
  server.force_close();
  pool.close();
  core::log::info("stopped", {{"forcedConnections", std::int64_t(left)}});
  ioc.stop();
}

}  // namespace

int migrate(const Config& config) {
  apply_log_level(config);
  asio::io_context ioc(1);
  core::db::Pool pool(ioc.get_executor(), pool_options(config));
  return run_migrations(ioc, pool) ? 0 : 1;
}

int serve(const Config& config) {
  apply_log_level(config);
  asio::io_context ioc(static_cast<int>(config.threads));
  core::db::Pool pool(ioc.get_executor(), pool_options(config));
  if (!run_migrations(ioc, pool)) return 1;

  core::http::Router router;
  AppContext ctx{config, pool, ioc.get_executor()};
  register_system_routes(router, ctx);
  settings::register_module(router, ctx);

  core::http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.body_limit = config.body_limit;
  options.read_timeout = config.read_timeout;
  options.hsts = config.public_url.starts_with("https://");
  options.access_log = config.access_log;
  core::http::Server server(ioc, router, options);
  std::uint16_t port = 0;
  try {
    port = server.start();
  } catch (const std::exception& e) {
    core::log::error("cannot listen", {{"host", std::string_view(config.host)},
                                       {"port", std::int64_t(config.port)},
                                       {"error", std::string_view(e.what())}});
    return 1;
  }
  core::log::info("listening", {{"host", std::string_view(config.host)},
                                {"port", std::int64_t(port)},
                                {"publicUrl", std::string_view(config.public_url)},
                                {"threads", std::int64_t(config.threads)}});

  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (ec) return;
    asio::co_spawn(ioc, graceful_shutdown(ioc, server, pool, config.shutdown_timeout),
                   asio::detached);
  });

  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < config.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  threads.clear();
  return 0;
}

}  // namespace declic::app
