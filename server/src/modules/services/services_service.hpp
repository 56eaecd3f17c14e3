#pragma once
// Rules for the catalogue: everyone reads active services; staff read archived ones too and
// create, change and archive them. A service's professional must be a staff account.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/services/services_repository.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

#include <memory>
#include <mutex>

namespace declic::services {

using core::auth::Principal;
template <class T>
using Async = boost::asio::awaitable<core::Result<T>>;

class ServicesService {
 public:
  ServicesService(core::db::Pool& db, users::UsersService& users,
                  settings::SettingsService& settings, audit::AuditService& audit)
      : db_(db), users_(users), settings_(settings), audit_(audit) {}

  // `me` is empty for anonymous callers. Archived services: staff only (403 for the list,
  // 404 for one service).
  Async<std::vector<Service>> all(const Principal* me);
  // The public catalogue as JSON (`{items, nextCursor}`), rebuilt only when the services'
  // version changes: one small read per request instead of every row.
  Async<std::shared_ptr<const std::string>> public_catalogue();
  Async<Service> get(const Principal* me, const std::string& id);
  Async<Service> create(const Principal& me, const ServicePatch& fields, const std::string& ip);
  Async<Service> update(const Principal& me, const std::string& id, const ServicePatch& patch,
                        const std::string& ip);
  Async<void> archive(const Principal& me, const std::string& id, const std::string& ip);

  // For the bookings module: a service as stored, archived or not (nullopt: none).
  Async<std::optional<Service>> find(core::db::Queryable& db, const std::string& id);

 private:
  // Checks and writes `service` in `tx` (the caller has bumped the catalogue's version).
  Async<Service> save(core::db::Queryable& tx, const Principal& me, const Service& service,
                      bool is_new, const std::string& ip);

  struct Catalogue {
    std::string version;
    std::shared_ptr<const std::string> json;
  };
  std::mutex catalogue_mutex_;  // requests run on several threads
  Catalogue catalogue_;

  core::db::Pool& db_;
  users::UsersService& users_;
  settings::SettingsService& settings_;
  audit::AuditService& audit_;
  ServicesRepository repository_;
};

// Applies `patch` onto `s`; the values' own ranges are the controller's to check.
void apply(Service& s, const ServicePatch& patch);

}  // namespace declic::services
