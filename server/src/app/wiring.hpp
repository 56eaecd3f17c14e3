#pragma once
// What app.cpp (serve, migrate) and commands.cpp (create-admin, seed-demo) share: the
// configuration turned into options, the migrations, and the modules wired in order.

#include "app/config.hpp"
#include "core/db/db.hpp"
#include "core/module.hpp"
#include "modules/auth/auth_service.hpp"
#include "modules/availability/availability_service.hpp"
#include "modules/bookings/bookings_service.hpp"
#include "modules/contracts/contracts_service.hpp"
#include "modules/galleries/galleries_service.hpp"
#include "modules/projects/projects_service.hpp"
#include "modules/services/services_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

namespace boost::asio {
class io_context;
}

namespace declic::app {

// The services the commands and composed routes use.
struct Modules {
  auth::AuthService& auth;
  users::UsersService& users;
  services::ServicesService& services;
  availability::AvailabilityService& availability;
  projects::ProjectsService& projects;
  bookings::BookingsService& bookings;
  contracts::ContractsService& contracts;
  settings::SettingsService& settings;
  galleries::GalleriesService& galleries;
};

// The composition root: every module, in dependency order, then the routes that compose
// several of them.
Modules install_modules(core::ModuleContext& m, const Config& config);

core::db::PoolOptions pool_options(const Config& c);
void apply_log_level(const Config& c);
// Log level and JWT key for commands that wire the modules; false after printing why not.
bool prepare(Config& config);
// Runs the migrations on `ioc` (not yet serving), retrying while the database starts.
bool run_migrations(boost::asio::io_context& ioc, core::db::Pool& pool);

}  // namespace declic::app
