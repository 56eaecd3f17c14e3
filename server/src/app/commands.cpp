// The command-line commands that act on a migrated database with every module wired:
// `declic create-admin` and `declic seed-demo`.
#include "app/app.hpp"
#include "app/wiring.hpp"
#include "core/events/events.hpp"
#include "core/util/email.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstdio>
#include <functional>

namespace declic::app {

namespace asio = boost::asio;

namespace {

// Runs one command coroutine against a migrated database with every module wired. Events
// it publishes are stored; the after-commit work runs when a server next starts.
int run_command(Config config, std::function<asio::awaitable<int>(Modules&)> command) {
  if (!prepare(config)) return 2;
  asio::io_context ioc(1);
  asio::thread_pool blocking(1);
  core::db::Pool pool(ioc.get_executor(), pool_options(config));
  if (!run_migrations(ioc, pool)) return 1;
  core::http::Router router;
  core::events::Bus bus;
  core::ModuleContext context(pool, bus, router, ioc.get_executor(), blocking);
  auto modules = install_modules(context, config);
  int code = 1;
  asio::co_spawn(
      asio::make_strand(ioc), [&]() -> asio::awaitable<void> { code = co_await command(modules); },
      asio::detached);
  ioc.run();
  return code;
}

}  // namespace

int create_admin(Config config, const std::string& email, const std::string& first_name,
                 const std::string& last_name, const std::string& password) {
  const auto normalized = core::normalize_email(email);
  if (!normalized) {
    std::fprintf(stderr, "declic: not an e-mail address: %s\n", email.c_str());
    return 2;
  }
  if (!auth::acceptable_password(password)) {
    std::fprintf(stderr, "declic: the password must have %zu to %zu characters\n",
                 auth::kPasswordMin, auth::kPasswordMax);
    return 2;
  }
  return run_command(std::move(config), [&](Modules& modules) -> asio::awaitable<int> {
    auto& auth = modules.auth;
    const users::NewUser admin{*normalized,  first_name, last_name,
                               std::nullopt, "fr",       core::auth::Role::admin,
                               std::nullopt};
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
  return run_command(std::move(config), [&](Modules& modules) -> asio::awaitable<int> {
    auto& auth = modules.auth;
    using core::auth::Role;
    core::auth::Principal pro;
    const std::vector<users::NewUser> accounts{
        {"admin@demo.declic.fr", "Alice", "Martin", "+33 6 12 34 56 78", "fr", Role::admin, {}},
        {"pro@demo.declic.fr",
         "Paul",
         "Lefèvre",
         "+33 6 23 45 67 89",
         "fr",
         Role::professionnel,
         {}},
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
