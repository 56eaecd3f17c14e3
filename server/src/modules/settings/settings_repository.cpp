#include "modules/settings/settings_repository.hpp"

namespace declic::settings {

namespace {
constexpr core::db::Statement kStudioProfile{
    "settings_studio_profile",
    "SELECT studio_name, time_zone, currency, locale FROM settings WHERE id"};
}

boost::asio::awaitable<core::Result<StudioProfile>> SettingsRepository::studio_profile(
    core::db::Queryable& db) {
  auto rows = co_await db.query(kStudioProfile);
  if (!rows) co_return rows.error();
  if (rows->empty()) co_return core::Error::not_found("studio settings");
  const auto row = (*rows)[0];
  co_return StudioProfile{row.get<std::string>(0), row.get<std::string>(1),
                          row.get<std::string>(2), row.get<std::string>(3)};
}

}  // namespace declic::settings
