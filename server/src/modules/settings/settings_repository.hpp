#pragma once
#include "core/db/db.hpp"
#include "modules/settings/settings_model.hpp"

namespace declic::settings {

class SettingsRepository {
 public:
  boost::asio::awaitable<core::Result<StudioProfile>> studio_profile(core::db::Queryable& db);
  boost::asio::awaitable<core::Result<Settings>> settings(core::db::Queryable& db);
  boost::asio::awaitable<core::Result<Settings>> update(core::db::Queryable& db,
                                                        const SettingsPatch& patch);
};

}  // namespace declic::settings
