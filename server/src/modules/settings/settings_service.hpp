#pragma once
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/settings/settings_repository.hpp"

namespace declic::settings {

class SettingsService {
 public:
  SettingsService(core::db::Pool& db, audit::AuditService& audit) : db_(db), audit_(audit) {}
  // Public: no principal needed, nothing private in it.
  boost::asio::awaitable<core::Result<StudioProfile>> studio_profile();
  // The same, read through `db` (a caller's transaction: no second connection).
  boost::asio::awaitable<core::Result<StudioProfile>> studio_profile(core::db::Queryable& db);
  // Everything, for the modules that compute with it (time zone, slot grid).
  boost::asio::awaitable<core::Result<Settings>> settings(core::db::Queryable& db);

  // ADMIN only. The time zone must be in the tz database, the currency three capitals.
  boost::asio::awaitable<core::Result<Settings>> read(const core::auth::Principal& me);
  boost::asio::awaitable<core::Result<Settings>> update(const core::auth::Principal& me,
                                                        const SettingsPatch& patch,
                                                        const std::string& ip);

 private:
  core::db::Pool& db_;
  audit::AuditService& audit_;
  SettingsRepository repository_;
};

}  // namespace declic::settings
