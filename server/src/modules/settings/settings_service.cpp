#include "modules/settings/settings_service.hpp"

namespace declic::settings {

boost::asio::awaitable<core::Result<StudioProfile>> SettingsService::studio_profile() {
  co_return co_await repository_.studio_profile(db_);
}

boost::asio::awaitable<core::Result<StudioProfile>> SettingsService::studio_profile(
    core::db::Queryable& db) {
  co_return co_await repository_.studio_profile(db);
}

}  // namespace declic::settings
