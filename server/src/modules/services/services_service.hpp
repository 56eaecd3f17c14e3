#pragma once
// Rules for the catalogue: everyone reads active services; staff read archived ones too and
// create, change and archive them. A service's professional must be a staff account.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "modules/images/images_service.hpp"
#include "modules/services/services_model.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

#include <memory>

namespace declic::services {

using core::Async;
using core::auth::Principal;

class ServicesRepository;

class ServicesService {
 public:
  ServicesService(core::db::Pool& db, core::events::Bus& events, users::UsersService& users,
                  settings::SettingsService& settings, images::ImagesService& images);
  ~ServicesService();

  // Staff only: every service, archived ones included.
  Async<std::vector<Service>> all(const Principal* me);
  // Anyone: the active services.
  Async<std::vector<Service>> catalogue();
  // The catalogue's version moves on (its cached copies are stale).
  Async<void> catalogue_changed(core::db::Queryable& tx);
  // The catalogue's version: it changes with every write to a service (read it before the
  // rows, so a list cached under a version is never older than it).
  Async<std::string> catalogue_version();
  // `me` is empty for anonymous callers. Archived services: staff only (404 for others).
  Async<Service> get(const Principal* me, const std::string& id);
  Async<Service> create(const Principal& me, const ServicePatch& fields, const std::string& ip);
  Async<Service> update(const Principal& me, const std::string& id, const ServicePatch& patch,
                        const std::string& ip);
  Async<void> archive(const Principal& me, const std::string& id, const std::string& ip);
  // Staff: the service's cover made from an upload (`nullopt` removes it); the old one goes.
  Async<Service> set_cover(const Principal& me, const std::string& id,
                           std::optional<std::string> upload, const std::string& ip);

  // For the bookings module: a service as stored, archived or not (nullopt: none).
  Async<std::optional<Service>> find(core::db::Queryable& db, const std::string& id);

 private:
  // Checks and writes `service` in `tx` (the caller has bumped the catalogue's version).
  Async<Service> save(core::db::Queryable& tx, const Principal& me, const Service& service,
                      bool is_new, const std::string& ip);

  core::db::Pool& db_;
  core::events::Bus& events_;
  users::UsersService& users_;
  settings::SettingsService& settings_;
  images::ImagesService& images_;
  std::unique_ptr<ServicesRepository> repository_;
};

// Applies `patch` onto `s`; the values' own ranges are the controller's to check.
void apply(Service& s, const ServicePatch& patch);

}  // namespace declic::services
