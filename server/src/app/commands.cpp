// The command-line commands that act on a migrated database with every module wired:
// `declic create-admin` and `declic seed-demo`.
#include "app/app.hpp"
#include "app/demo_contracts.hpp"
#include "app/resources.hpp"
#include "app/wiring.hpp"
#include "core/events/events.hpp"
#include "core/image/image.hpp"
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
int run_command(Config config,
                std::function<asio::awaitable<int>(Modules&, core::db::Pool&)> command) {
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
      asio::make_strand(ioc),
      [&]() -> asio::awaitable<void> { code = co_await command(modules, pool); }, asio::detached);
  ioc.run();
  return code;
}

// Once, on a studio without bookings: clients, sessions, projects, conversations.
asio::awaitable<int> seed_activity(core::db::Pool& pool) {
  const auto failed = [](const core::Error& e) {
    std::fprintf(stderr, "declic: the demo activity could not be saved: %s\n", e.detail.c_str());
    return 1;
  };
  auto lease = co_await pool.acquire();
  if (!lease) co_return failed(lease.error());
  auto done = co_await lease->exec(demo_activity_sql());
  if (!done) co_return failed(done.error());
  std::printf("Demo activity: clients, sessions past and ahead, projects, conversations\n");
  co_return 0;
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
  return run_command(
      std::move(config), [&](Modules& modules, core::db::Pool&) -> asio::awaitable<int> {
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

// What the demo studio's contracts name of it, unless it was filled in already.
asio::awaitable<bool> seed_legal_details(Modules& modules, const core::auth::Principal& admin) {
  auto current = co_await modules.settings.read(admin);
  if (!current) co_return false;
  if (current->legal.legal_name) co_return true;
  settings::SettingsPatch patch;
  patch.legal_name = std::optional<std::string>("Atelier Déclic, Paul Lefèvre EI");
  patch.legal_address = std::optional<std::string>("12 rue des Capucins, 69001 Lyon");
  patch.siret = std::optional<std::string>("81234567800019");
  const std::string local = "127.0.0.1";
  auto updated = co_await modules.settings.update(admin, patch, local);
  if (!updated) std::fprintf(stderr, "declic: %s\n", updated.error().detail.c_str());
  co_return updated.has_value();
}

// The studio's logo, unless it has one: its initials on its colours, drawn here (no download).
asio::awaitable<bool> seed_logo(Modules& modules, const core::auth::Principal& admin) {
  auto current = co_await modules.settings.read(admin);
  if (!current) co_return false;
  if (current->profile.page.logo_image_id) co_return true;
  auto logo = core::image::demo_picture({512, 512}, 0x0f766e, 0x134e4a, "AD");
  if (!logo) co_return false;
  const std::string local = "127.0.0.1";
  auto saved = co_await modules.settings.set_logo(admin, std::move(logo->webp), local);
  if (!saved) std::fprintf(stderr, "declic: %s\n", saved.error().detail.c_str());
  co_return saved.has_value();
}

// A service's cover: a soft gradient in its own colours, as a photographer's would be.
asio::awaitable<bool> seed_cover(Modules& modules, const core::auth::Principal& pro,
                                 const std::string& service_id, unsigned from, unsigned to) {
  auto cover = core::image::demo_picture({1200, 800}, from, to);
  if (!cover) co_return false;
  const std::string local = "127.0.0.1";
  auto saved = co_await modules.services.set_cover(pro, service_id, std::move(cover->webp), local);
  if (!saved) std::fprintf(stderr, "declic: %s\n", saved.error().detail.c_str());
  co_return saved.has_value();
}

// Chloé's portrait session, being edited: its proofs published for her to choose from (five
// of eight), drawn here like the covers. The server makes their previews once it serves.
asio::awaitable<bool> seed_gallery(Modules& modules, const core::auth::Principal& pro,
                                   const std::string& client_id) {
  projects::ProjectQuery query;
  query.client_id = client_id;
  query.status = projects::ProjectStatus::editing;
  auto found = co_await modules.projects.list(pro, query);
  if (!found || found->items.empty()) co_return found.has_value();
  const auto project = std::optional<std::string>(found->items[0].id);
  auto existing = co_await modules.galleries.list(pro, project);
  if (!existing || !existing->empty()) co_return existing.has_value();  // seeded before
  galleries::NewGallery g;
  g.title = "Portrait en studio — épreuves";
  g.selection_max = 5;
  auto gallery = co_await modules.galleries.create(pro, *project, g);
  if (!gallery) co_return false;
  constexpr std::array<std::pair<unsigned, unsigned>, 8> kTones{{{0x1f2937, 0xd6a77a},
                                                                 {0x0f766e, 0xe8d5b7},
                                                                 {0x3b2f2f, 0xc08552},
                                                                 {0x274060, 0x9fb7d4},
                                                                 {0x5b3a29, 0xf2c6a0},
                                                                 {0x2d3a2e, 0xb7c9a8},
                                                                 {0x4a1942, 0xe0a3c8},
                                                                 {0x1c1c1c, 0xbdbdbd}}};
  for (std::size_t i = 0; i < kTones.size(); ++i) {
    auto picture = core::image::demo_picture({1500, 1000}, kTones[i].first, kTones[i].second);
    if (!picture) co_return false;
    char name[32];
    std::snprintf(name, sizeof name, "DSC_%04zu.webp", 101 + i * 7);
    auto added = co_await modules.galleries.add_file(pro, gallery->gallery.id, name,
                                                     std::move(picture->webp));
    if (!added) co_return false;
  }
  auto published = co_await modules.galleries.publish(pro, gallery->gallery.id);
  co_return published.has_value();
}

// On a studio without templates, the two demo contracts: {portrait id, wedding id}.
asio::awaitable<std::optional<std::pair<std::string, std::string>>> seed_contracts(
    Modules& modules, const core::auth::Principal& pro) {
  using Ids = std::optional<std::pair<std::string, std::string>>;
  auto existing = co_await modules.contracts.templates(pro);
  if (!existing || !existing->empty()) co_return Ids{};
  const std::string portrait_name = kPortraitContractName, portrait_body = kPortraitContract;
  const std::string wedding_name = kWeddingContractName, wedding_body = kWeddingContract;
  auto portrait = co_await modules.contracts.add_template(pro, portrait_name, portrait_body);
  auto wedding = co_await modules.contracts.add_template(pro, wedding_name, wedding_body);
  if (!portrait || !wedding) {
    std::fprintf(stderr, "declic: the demo contract templates could not be saved\n");
    co_return Ids{};
  }
  std::printf("Demo contract templates: portrait, wedding\n");
  co_return std::make_pair(portrait->id, wedding->id);
}

// The professional's hours (weekdays 09:00-18:00) and, on an empty catalogue, three services
// with their default contracts.
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
  const auto templates = co_await seed_contracts(modules, pro);
  const auto service = [&templates](std::string name, std::string category, int minutes, int price,
                                    int deposit, int after, int notice,
                                    std::vector<std::string> included) {
    services::ServicePatch s;
    s.name = std::move(name);
    s.included = std::move(included);
    s.category = std::move(category);
    s.duration_minutes = minutes;
    s.price_cents = price;
    s.deposit_cents = deposit;
    s.buffer_after_minutes = after;
    s.min_notice_hours = notice;
    if (templates)
      s.default_contract_template_id =
          std::optional<std::string>(category == "Mariage" ? templates->second : templates->first);
    return s;
  };
  const std::vector<services::ServicePatch> catalogue{
      service("Portrait en studio", "Portrait", 60, 15000, 5000, 15, 24,
              {"1 h de séance en studio", "Deux tenues", "10 photos retouchées",
               "Galerie privée en ligne"}),
      service("Séance famille", "Famille", 90, 25000, 8000, 30, 48,
              {"1 h 30 en studio ou en extérieur", "Jusqu'à six personnes", "20 photos retouchées",
               "Galerie privée en ligne"}),
      service("Reportage mariage", "Mariage", 480, 180000, 50000, 60, 24 * 30,
              {"Des préparatifs à la soirée", "Un rendez-vous de préparation",
               "300 photos retouchées", "Une galerie à partager avec vos invités"}),
  };
  // Each cover's colours: warm for a portrait, green for a family, blush for a wedding.
  const std::vector<std::pair<unsigned, unsigned>> covers{
      {0xd9a679, 0x5b4636}, {0xe8d5b0, 0x5f7f6e}, {0xf3e4dc, 0x9c6b78}};
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    auto created = co_await modules.services.create(pro, catalogue[i], local);
    if (!created) {
      std::fprintf(stderr, "declic: %s\n", created.error().detail.c_str());
      co_return 1;
    }
    const bool covered =
        co_await seed_cover(modules, pro, created->id, covers[i].first, covers[i].second);
    if (!covered) co_return 1;
  }
  std::printf("Demo catalogue: %zu services, weekdays 09:00-18:00\n", catalogue.size());
  co_return 0;
}

}  // namespace

int seed_demo(Config config, bool activity) {
  if (config.env == Env::production) {
    std::fprintf(stderr, "declic: seed-demo never runs in production\n");
    return 2;
  }
  const std::string password = config.demo_password;
  return run_command(
      std::move(config), [&](Modules& modules, core::db::Pool& pool) -> asio::awaitable<int> {
        auto& auth = modules.auth;
        using core::auth::Role;
        core::auth::Principal pro, admin;
        std::string client_id;
        const std::vector<users::NewUser> accounts{
            {"admin@demo.declic.fr", "Alice", "Martin", "+33 6 12 34 56 78", "fr", Role::admin, {}},
            {"pro@demo.declic.fr",
             "Paul",
             "Lefèvre",
             "+33 6 23 45 67 89",
             "fr",
             Role::professionnel,
             {}},
            {"client1@demo.declic.fr",
             "Chloé",
             "Dubois",
             "+33 6 34 56 78 90",
             "fr",
             Role::client,
             {}},
            {"client2@demo.declic.fr",
             "Lucas",
             "Bernard",
             "+44 7700 900123",
             "en",
             Role::client,
             {}},
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
          if (account.role == Role::admin) admin.user = user->profile;
          if (account.email == "client1@demo.declic.fr") client_id = user->profile.id;
        }
        const bool legal = co_await seed_legal_details(modules, admin);
        if (!legal) co_return 1;
        const bool logo = co_await seed_logo(modules, admin);
        if (!logo) co_return 1;
        const int catalogue = co_await seed_catalogue(modules, pro);
        if (catalogue != 0 || !activity) co_return catalogue;
        const int seeded = co_await seed_activity(pool);
        if (seeded != 0) co_return seeded;
        const bool gallery = co_await seed_gallery(modules, pro, client_id);
        if (gallery) std::printf("Demo gallery: a portrait session's proofs, published\n");
        co_return gallery ? 0 : 1;
      });
}

}  // namespace declic::app
