#pragma once
// Rules for the studio settings: anyone reads the public profile; only an ADMIN reads and
// changes the rest. The time zone must be in the tz database, the currency three capitals.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/images/images_service.hpp"
#include "modules/settings/settings_model.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>

namespace declic::settings {

using core::Async;

class SettingsRepository;

class SettingsService {
 public:
  SettingsService(core::db::Pool& db, audit::AuditService& audit, images::ImagesService& images);
  ~SettingsService();

  // Public: no principal needed, nothing private in it.
  Async<StudioProfile> studio_profile();
  // The same, read through `db` (a caller's transaction: no second connection).
  Async<StudioProfile> studio_profile(core::db::Queryable& db);
  // Everything, for the modules that compute with it (time zone, slot grid). Read by every
  // slot listing and booking, so kept for a second: a change made through another server
  // applies here within that second (through this one, at once).
  Async<Settings> settings(core::db::Queryable& db);

  // ADMIN only.
  Async<Settings> read(const core::auth::Principal& me);
  Async<Settings> update(const core::auth::Principal& me, const SettingsPatch& patch,
                         const std::string& ip);
  // ADMIN: the studio's logo made from an upload (`nullopt` removes it); the old one goes.
  Async<Settings> set_logo(const core::auth::Principal& me, std::optional<std::string> upload,
                           const std::string& ip);

 private:
  void remember(const Settings& s);

  core::db::Pool& db_;
  audit::AuditService& audit_;
  images::ImagesService& images_;
  std::unique_ptr<SettingsRepository> repository_;
  std::mutex cache_mutex_;  // requests run on several threads
  std::optional<Settings> cached_;
  std::chrono::steady_clock::time_point cached_at_;
};

}  // namespace declic::settings
