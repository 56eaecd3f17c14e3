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
  // The logo's image id, the row locked until the transaction ends.
  Async<std::optional<std::string>> lock_logo(core::db::Queryable& tx);
  Async<Settings> set_logo(core::db::Queryable& tx, const std::optional<std::string>& image_id);
};

}  // namespace declic::settings
