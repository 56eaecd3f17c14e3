#include "app/app.hpp"

#include "app/resources.hpp"
#include "app/wiring.hpp"
#include "core/db/idempotency.hpp"
#include "core/db/migrate.hpp"
#include "core/db/rate_limit.hpp"
#include "core/events/dispatcher.hpp"
#include "core/http/server.hpp"
#include "core/log/log.hpp"
#include "core/mail/mail.hpp"
#include "core/util/blocking.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <thread>

#include <sys/resource.h>

namespace declic::app {

namespace asio = boost::asio;
using namespace std::chrono_literals;

core::db::PoolOptions pool_options(const Config& c) {
  core::db::PoolOptions o;
  o.conninfo = c.database_url;
  o.max_size = c.db_pool_size;
  o.acquire_timeout = c.db_acquire_timeout;
  return o;
}

void apply_log_level(const Config& c) {
  using core::log::Level;
  core::log::set_level(c.log_level == "debug"   ? Level::debug
                       : c.log_level == "warn"  ? Level::warn
                       : c.log_level == "error" ? Level::error
                                                : Level::info);
}

bool prepare(Config& config) {
  apply_log_level(config);
  auto secret = ensure_jwt_secret(config);
  if (!secret)
    std::fprintf(stderr, "declic: configuration error: %s\n", secret.error().detail.c_str());
  return secret.has_value();
}

// The database may still be starting: connection failures are retried for a few seconds, a
// failing migration is not.
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

namespace {

core::mail::MailerOptions mailer_options(const Config& c) {
  core::mail::MailerOptions o;
  o.smtp_url = c.smtp_url;
  o.require_tls = c.smtp_require_tls;
  o.from = c.mail_from;
  o.mail_dir = c.mail_dir;
  return o;
}

// Each connection is a descriptor: the soft limit (often 1,024) goes up to the hard one.
// Returns the limit now in force.
std::uint64_t raise_open_file_limit() {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) != 0) return 1024;
  if (files.rlim_cur < files.rlim_max) {
    const auto before = files.rlim_cur;
    files.rlim_cur = files.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &files) != 0) files.rlim_cur = before;
  }
  return files.rlim_cur;
}

// MAX_CONNECTIONS, lowered (and said so) when the open-file limit cannot hold that many.
std::size_t connection_cap(const Config& c) {
  const auto open_files = raise_open_file_limit();
  const auto cap = connections_within(c.max_connections, open_files, c.db_pool_size);
  if (cap < c.max_connections)
    core::log::warn("MAX_CONNECTIONS lowered to fit the open-file limit",
                    {{"configured", static_cast<std::int64_t>(c.max_connections)},
                     {"openFileLimit", static_cast<std::int64_t>(open_files)},
                     {"maxConnections", static_cast<std::int64_t>(cap)}});
  return cap;
}

core::events::DispatcherOptions dispatcher_options(const Config& c) {
  core::events::DispatcherOptions o;
  o.conninfo = c.database_url;
  o.handler_timeout = c.event_handler_timeout;
  o.retention = std::chrono::hours(24 * c.event_retention_days);
  return o;
}

core::http::ServerOptions server_options(const Config& c, std::size_t max_connections) {
  core::http::ServerOptions o;
  o.host = c.host;
  o.port = c.port;
  o.body_limit = c.body_limit;
  o.read_timeout = c.read_timeout;
  o.first_byte_timeout = c.first_byte_timeout;
  o.max_connections = max_connections;
  o.max_connections_per_address = c.max_connections_per_address;
  o.route_concurrency = route_concurrency(c);
  o.route_wait = c.db_acquire_timeout;
  o.hsts = c.public_url.starts_with("https://");
  o.access_log = c.access_log;
  o.trusted_proxies = c.trusted_proxies;
  o.public_origin = public_origin(c.public_url);
  return o;
}

// The purges of core's own tables; modules add theirs in install().
void add_core_housekeeping(core::db::Housekeeping& h, core::db::Pool& pool,
                           core::events::Dispatcher& events, const Config& c) {
  constexpr int kMailKeepDays = 30, kIdempotencyDays = 7;
  const int max_attempts = mailer_options(c).max_attempts;
  h.add("rate_counters", [&pool] { return core::db::purge_rate_counters(pool); });
  h.add("idempotency_keys",
        [&pool] { return core::db::purge_idempotency_keys(pool, kIdempotencyDays); });
  h.add("outbox", [&pool, max_attempts] {
    return core::mail::purge_outbox(pool, kMailKeepDays, max_attempts);
  });
  h.add("events", [&events] { return events.purge(); });
}

// The workers that act after a commit (mail delivery, the domain events' dispatcher) and
// the housekeeping job.
struct Workers {
  core::mail::MailWorker& mail;
  core::events::Dispatcher& events;
  core::db::Housekeeping& housekeeping;
  const std::vector<core::ModuleContext::Background>& modules;
};

asio::awaitable<void> graceful_shutdown(asio::io_context& ioc, core::http::Server& server,
                                        core::db::Pool& pool, Workers workers,
                                        std::chrono::milliseconds grace) {
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
  workers.mail.stop();
  workers.events.stop();
  workers.housekeeping.stop();
  for (const auto& b : workers.modules) b.stop();
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

int serve(Config config) {
  if (!prepare(config)) return 2;
  const auto max_connections = connection_cap(config);
  asio::io_context ioc(static_cast<int>(config.threads));
  // First: its service opens a pipe, and once "listening" is said descriptors may run out
  // (an open-file limit lowered, a flood); a failure there would take the process down.
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  auto blocking = core::make_background_pool(config.background_threads);
  core::db::Pool pool(ioc.get_executor(), pool_options(config));
  if (!run_migrations(ioc, pool)) return 1;

  core::http::Router router;
  core::events::Bus bus;
  core::ModuleContext modules(pool, bus, router, ioc.get_executor(), *blocking,
                              {config.page_cache_bytes});
  install_modules(modules, config);
  core::mail::MailWorker mail(ioc.get_executor(), pool, mailer_options(config));
  mail.start();
  core::events::Dispatcher events(ioc.get_executor(), pool, bus, dispatcher_options(config));
  events.start();
  add_core_housekeeping(modules.housekeeping, pool, events, config);
  modules.housekeeping.start(ioc.get_executor(), config.housekeeping_interval);
  for (const auto& b : modules.background) b.start();

  core::http::Server server(ioc, router, server_options(config, max_connections));
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

  signals.async_wait([&](boost::system::error_code ec, int) {
    if (ec) return;
    const Workers workers{mail, events, modules.housekeeping, modules.background};
    asio::co_spawn(ioc, graceful_shutdown(ioc, server, pool, workers, config.shutdown_timeout),
                   asio::detached);
  });

  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < config.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  threads.clear();
  blocking->join();
  return 0;
}

}  // namespace declic::app
