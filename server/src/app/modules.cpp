// The composition root: one line per module, in dependency order. Each module's install()
// builds its service and controller, binds its routes and subscribes to the events it
// reacts to; a module never includes another module's internals, nor this folder.
#include "app/client_overview.hpp"
#include "app/system_routes.hpp"
#include "app/test_routes.hpp"
#include "app/wiring.hpp"
#include "core/http/metrics.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/auth/auth_module.hpp"
#include "modules/availability/availability_module.hpp"
#include "modules/bookings/bookings_module.hpp"
#include "modules/calendar/calendar_module.hpp"
#include "modules/contracts/contracts_module.hpp"
#include "modules/files/files_module.hpp"
#include "modules/galleries/galleries_module.hpp"
#include "modules/images/images_module.hpp"
#include "modules/live/live_module.hpp"
#include "modules/messages/messages_module.hpp"
#include "modules/notifications/notifications_module.hpp"
#include "modules/projects/projects_module.hpp"
#include "modules/services/services_module.hpp"
#include "modules/settings/settings_module.hpp"
#include "modules/users/users_module.hpp"

namespace declic::app {

namespace {
auth::AuthOptions auth_options(const Config& c) {
  auth::AuthOptions o;
  o.public_url = c.public_url;
  o.login_limit_per_ip = c.login_limit_per_ip;
  o.register_limit_per_address = c.register_limit_per_address;
  o.register_limit_global = c.register_limit_global;
  o.hash_threads = c.background_threads;
  o.max_hash_wait = c.password_queue_max_wait;
  return o;
}

contracts::ModuleOptions contract_options(const Config& c) {
  contracts::ModuleOptions o;
  o.service.data_dir = c.data_dir;
  o.service.public_url = c.public_url;
  o.service.link_secret = c.jwt_secret;
  o.seal_cert_file = c.seal_cert_file;
  o.seal_key_file = c.seal_key_file;
  return o;
}

galleries::Options gallery_options(const Config& c) {
  galleries::Options o;
  o.link_secret = c.jwt_secret;
  o.public_url = c.public_url;
  o.workers = c.gallery_workers;
  return o;
}

// A named coroutine, not a capturing lambda (g++ 12: docs/decisions.md).
core::Async<void> forget_pages_at_commit(core::db::Queryable& tx, core::http::PageCache& pages) {
  tx.after_commit([&pages] { pages.forget_all(); });
  co_return core::Result<void>{};
}

// Any committed event forgets every kept page: here once the transaction commits, before the
// change is answered; on the other servers when it reaches their live feed.
void keep_pages_current(core::ModuleContext& m) {
  auto& pages = m.pages;
  m.events.on("*", [&pages](core::db::Queryable& tx, const core::events::Event&) {
    return forget_pages_at_commit(tx, pages);
  });
  m.events.on_live([&pages](const auto&) { pages.forget_all(); });
  m.events.on_feed([&pages](bool live) { pages.set_live(live); });
  m.metrics.push_back([&pages](std::string& out) {
    using core::http::append_series;
    const auto s = pages.stats();
    append_series(out, "declic_page_cache_hits_total", "Signed-in reads answered from memory.",
                  "counter", s.hits);
    append_series(out, "declic_page_cache_misses_total", "Signed-in reads that queried.", "counter",
                  s.misses);
    append_series(out, "declic_page_cache_pages", "Pages kept.", "gauge", s.pages);
    append_series(out, "declic_page_cache_bytes", "Bytes of the pages kept.", "gauge", s.bytes);
  });
}

notifications::Options notification_options(const Config& c) {
  notifications::Options o;
  o.message_mail_delay = c.message_mail_delay;
  o.public_url = c.public_url;
  return o;
}
}  // namespace

Modules install_modules(core::ModuleContext& m, const Config& config) {
  install_system_routes(m, config);
  keep_pages_current(m);
  auto& audit = audit::install(m);
  auto& images = images::install(m, config.data_dir);
  auto& settings = settings::install(m, {audit, images});
  auto& users = users::install(m);
  auto& auth = auth::install(m, {users, audit, settings}, config.jwt_secret, auth_options(config));
  auto& services = services::install(m, {users, settings, images});
  auto& availability = availability::install(m, {users, audit});
  auto& projects = projects::install(m);
  const bookings::BookingLimits booking_limits{config.booking_limit_per_user,
                                               config.booking_limit_per_address};
  auto& bookings = bookings::install(m, {settings, services, availability, users}, booking_limits);
  calendar::install(m, {bookings, settings}, config.public_url);
  auto& files = files::install(m, {config.data_dir, config.jwt_secret});
  auto& messages = messages::install(m, {users, bookings, projects, files});
  auto& contracts = contracts::install(m, contract_options(config));
  auto& galleries = galleries::install(m, {files, settings}, gallery_options(config));
  notifications::install(m, {users, settings, bookings, projects, messages},
                         notification_options(config));
  live::install(m);
  Modules modules{auth,     users,     services, availability, projects,
                  bookings, contracts, settings, galleries};
  install_client_overview(m, modules);
  if (config.env == Env::test) install_test_routes(m, config);
  return modules;
}

}  // namespace declic::app
