// The composition root: one line per module, in dependency order. Each module's install()
// builds its service and controller, binds its routes and subscribes to the events it
// reacts to; a module never includes another module's internals, nor this folder.
#include "app/client_overview.hpp"
#include "app/system_routes.hpp"
#include "app/test_routes.hpp"
#include "app/wiring.hpp"
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

notifications::Options notification_options(const Config& c) {
  notifications::Options o;
  o.message_mail_delay = c.message_mail_delay;
  o.public_url = c.public_url;
  return o;
}
}  // namespace

Modules install_modules(core::ModuleContext& m, const Config& config) {
  install_system_routes(m, config);
  auto& audit = audit::install(m);
  auto& images = images::install(m, config.data_dir);
  auto& settings = settings::install(m, {audit, images});
  auto& users = users::install(m);
  auto& auth = auth::install(m, {users, audit, settings}, config.jwt_secret, auth_options(config));
  auto& services = services::install(m, {users, settings, audit, images});
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
