#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/settings/settings_model.hpp"

namespace declic::settings {

using core::Async;

// SQL for the one settings row.
class SettingsRepository {
 public:
  Async<StudioProfile> studio_profile(core::db::Queryable& db);
  Async<Settings> settings(core::db::Queryable& db);
  Async<Settings> update(core::db::Queryable& db, const SettingsPatch& patch);
};

}  // namespace declic::settings
