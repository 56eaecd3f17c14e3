#include "app/app.hpp"

#include "app/app_context.hpp"
#include "app/resources.hpp"
#include "app/system_routes.hpp"
#include "core/db/migrate.hpp"
#include "core/http/server.hpp"
#include "core/log/log.hpp"
#include "core/mail/mail.hpp"
#include "core/util/blocking.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/auth/auth_module.hpp"
#include "modules/availability/availability_module.hpp"
#include "modules/bookings/bookings_controller.hpp"
#include "modules/bookings/bookings_module.hpp"
#include "modules/projects/projects_controller.hpp"
#include "modules/projects/projects_module.hpp"
#include "modules/services/services_module.hpp"
#include "modules/settings/settings_module.hpp"
#include "modules/users/users_module.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

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

// What the command-line commands use of the wired modules.
struct Modules {
  auth::AuthService& auth;
  services::ServicesService& services;
  availability::AvailabilityService& availability;
};

// The composition root: every module, in dependency order.
Modules register_modules(core::http::Router& router, AppContext& ctx) {
  register_system_routes(router, ctx);
  auto& audit = ctx.own(std::make_unique<audit::AuditService>(ctx.db));
  auto& settings = ctx.own(std::make_unique<settings::SettingsService>(ctx.db, audit));
  auto& users = ctx.own(std::make_unique<users::UsersService>(ctx.db, audit));
  auto auth = auth::register_module(router, ctx, users, audit, settings);
  const auto& guards = auth.guards;
  settings::register_module(router, ctx, settings, guards);
  audit::register_module(router, ctx, audit, guards);
  users::register_module(router, ctx, users, guards);
  auto& services =
      ctx.own(std::make_unique<services::ServicesService>(ctx.db, users, settings, audit));
  services::register_module(router, ctx, services, guards);
  auto& availability =
      ctx.own(std::make_unique<availability::AvailabilityService>(ctx.db, users, audit));
  availability::register_module(router, ctx, availability, guards);
  auto& projects = ctx.own(std::make_unique<projects::ProjectsService>(ctx.db, audit));
  projects::register_module(router, ctx, projects, guards);
  auto& bookings = ctx.own(std::make_unique<bookings::BookingsService>(
      ctx.db, settings, services, availability, users, projects, audit));
  projects.link_bookings(bookings);  // a cancelled project cancels its booking
  bookings::register_module(router, ctx, bookings, guards);
  users.add_overview_part(ctx.own(std::make_unique<bookings::BookingsOverview>(bookings)));
  users.add_overview_part(ctx.own(std::make_unique<projects::ProjectsOverview>(projects)));
  return {auth.service, services, availability};
}

// Log level and JWT key for commands that wire the modules; false after printing why not.
bool prepare(Config& config) {
  apply_log_level(config);
  auto secret = ensure_jwt_secret(config);
  if (!secret)
    std::fprintf(stderr, "declic: configuration error: %s\n", secret.error().detail.c_str());
  return secret.has_value();
}

// Runs one command coroutine against a migrated database with every module wired.
int run_command(Config config,
                std::function<asio::awaitable<int>(Modules&, AppContext&)> command) {
  if (!prepare(config)) return 2;
  asio::io_context ioc(1);
  asio::thread_pool blocking(1);
  core::db::Pool pool(ioc.get_executor(), pool_options(config));
  if (!run_migrations(ioc, pool)) return 1;
  core::http::Router router;
  AppContext ctx(config, pool, ioc.get_executor(), blocking);
  auto modules = register_modules(router, ctx);
  int code = 1;
  asio::co_spawn(
      asio::make_strand(ioc),
      [&]() -> asio::awaitable<void> { code = co_await command(modules, ctx); }, asio::detached);
  ioc.run();
  return code;
}

core::mail::MailerOptions mailer_options(const Config& c) {
  core::mail::MailerOptions o;
  o.smtp_url = c.smtp_url;
  o.from = c.mail_from;
  o.mail_dir = c.mail_dir;
  return o;
}

asio::awaitable<void> graceful_shutdown(asio::io_context& ioc, core::http::Server& server,
                                        core::db::Pool& pool, core::mail::MailWorker& mail,
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
  mail.stop();
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
  asio::io_context ioc(static_cast<int>(config.threads));
  auto blocking = core::make_background_pool(config.background_threads);
  core::db::Pool pool(ioc.get_executor(), pool_options(config));
  if (!run_migrations(ioc, pool)) return 1;

  core::http::Router router;
  AppContext ctx(config, pool, ioc.get_executor(), *blocking);
  register_modules(router, ctx);
  core::mail::MailWorker mail(ioc.get_executor(), pool, mailer_options(config));
  mail.start();

  core::http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.body_limit = config.body_limit;
  options.read_timeout = config.read_timeout;
  options.hsts = config.public_url.starts_with("https://");
  options.access_log = config.access_log;
  options.trusted_proxies = config.trusted_proxies;
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
    asio::co_spawn(ioc, graceful_shutdown(ioc, server, pool, mail, config.shutdown_timeout),
                   asio::detached);
  });

  std::vector<std::jthread> threads;
  for (unsigned i = 1; i < config.threads; ++i) threads.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  threads.clear();
  blocking->join();
  return 0;
}

int create_admin(Config config, const std::string& email, const std::string& first_name,
                 const std::string& last_name, const std::string& password) {
  const auto normalized = users::normalize_email(email);
  if (!normalized) {
    std::fprintf(stderr, "declic: not an e-mail address: %s\n", email.c_str());
    return 2;
  }
  if (password.size() < 10 || password.size() > 128) {
    std::fprintf(stderr, "declic: the password must have 10 to 128 characters\n");
    return 2;
  }
  return run_command(std::move(config), [&](Modules& modules,
                                            AppContext&) -> asio::awaitable<int> {
    auto& auth = modules.auth;
    const users::NewUser admin{*normalized, first_name, last_name, std::nullopt, "fr",
                               core::auth::Role::admin, std::nullopt};
    auto user = co_await auth.ensure_account(admin, password, /*must_be_new=*/true);
    if (!user) {
      std::fprintf(stderr, "declic: %s\n", user.error().detail.c_str());
      co_return 1;
    }
    std::printf("Administrator created: %s\n", user->profile.email.c_str());
    co_return 0;
  });
}

namespace {

// The professional's hours (weekdays 09:00-18:00) and, on an empty catalogue, three services.
asio::awaitable<int> seed_catalogue(Modules& modules, const core::auth::Principal& pro) {
  std::vector<availability::WeeklyRange> week;
  for (int day = 1; day <= 5; ++day) week.push_back({day, 9 * 60, 18 * 60});
  const std::string local = "127.0.0.1";
  auto hours = co_await modules.availability.replace_weekly(pro, pro.id(), week, local);
  if (!hours) {
    std::fprintf(stderr, "declic: %s\n", hours.error().detail.c_str());
    co_return 1;
  }
  auto existing = co_await modules.services.all(&pro);
  if (!existing) co_return 1;
  if (!existing->empty()) co_return 0;
  const auto service = [](std::string name, std::string category, int minutes, int price,
                          int deposit, int after, int notice) {
    services::ServicePatch s;
    s.name = std::move(name);
    s.category = std::move(category);
    s.duration_minutes = minutes;
    s.price_cents = price;
    s.deposit_cents = deposit;
    s.buffer_after_minutes = after;
    s.min_notice_hours = notice;
    return s;
  };
  const std::vector<services::ServicePatch> catalogue{
      service("Portrait en studio", "Portrait", 60, 15000, 5000, 15, 24),
      service("Séance famille", "Famille", 90, 25000, 8000, 30, 48),
      service("Reportage mariage", "Mariage", 480, 180000, 50000, 60, 24 * 30),
  };
  for (const auto& s : catalogue) {
    auto created = co_await modules.services.create(pro, s, local);
    if (!created) {
      std::fprintf(stderr, "declic: %s\n", created.error().detail.c_str());
      co_return 1;
    }
  }
  std::printf("Demo catalogue: %zu services, weekdays 09:00-18:00\n", catalogue.size());
  co_return 0;
}

}  // namespace

int seed_demo(Config config) {
  if (config.env == Env::production) {
    std::fprintf(stderr, "declic: seed-demo never runs in production\n");
    return 2;
  }
  const std::string password = config.demo_password;
  return run_command(std::move(config), [&](Modules& modules,
                                            AppContext&) -> asio::awaitable<int> {
    auto& auth = modules.auth;
    using core::auth::Role;
    core::auth::Principal pro;
    const std::vector<users::NewUser> accounts{
        {"admin@demo.declic.fr", "Alice", "Martin", "+33 6 12 34 56 78", "fr", Role::admin, {}},
        {"pro@demo.declic.fr", "Paul", "Lefèvre", "+33 6 23 45 67 89", "fr", Role::professionnel, {}},
        {"client1@demo.declic.fr", "Chloé", "Dubois", "+33 6 34 56 78 90", "fr", Role::client, {}},
        {"client2@demo.declic.fr", "Lucas", "Bernard", "+44 7700 900123", "en", Role::client, {}},
    };
    std::printf("Demo accounts (password: %s):\n", password.c_str());
    for (const auto& account : accounts) {
      auto user = co_await auth.ensure_account(account, password, /*must_be_new=*/false);
      if (!user) {
        std::fprintf(stderr, "declic: %s\n", user.error().detail.c_str());
        co_return 1;
      }
      std::printf("  %-14s %s\n", std::string(core::auth::to_string(account.role)).c_str(),
                  account.email.c_str());
      if (account.role == Role::professionnel) pro.user = user->profile;
    }
    co_return co_await seed_catalogue(modules, pro);
  });
}

}  // namespace declic::app
