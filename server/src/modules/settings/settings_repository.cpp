#include "modules/settings/settings_repository.hpp"

#include "core/error/try.hpp"

namespace declic::settings {

namespace db = core::db;

namespace {
#define SETTINGS_COLUMNS                                                                 \
  "studio_name, time_zone, currency, locale, slot_step_minutes, booking_horizon_months," \
  " max_open_requests_per_client, request_expiry_hours, rfc3339(updated_at)"

constexpr db::Statement kStudioProfile{
    "settings_studio_profile",
    "SELECT studio_name, time_zone, currency, locale FROM settings WHERE id"};
constexpr db::Statement kSettings{"settings_read",
                                  "SELECT " SETTINGS_COLUMNS " FROM settings WHERE id"};
constexpr db::Statement kUpdate{
    "settings_update",
    "UPDATE settings SET studio_name = COALESCE($1, studio_name),"
    " time_zone = COALESCE($2, time_zone), currency = COALESCE($3, currency),"
    " locale = COALESCE($4, locale), slot_step_minutes = COALESCE($5::int, slot_step_minutes),"
    " booking_horizon_months = COALESCE($6::int, booking_horizon_months),"
    " max_open_requests_per_client = COALESCE($7::int, max_open_requests_per_client),"
    " request_expiry_hours = COALESCE($8::int, request_expiry_hours),"
    " updated_at = now() WHERE id RETURNING " SETTINGS_COLUMNS};

Settings decode(const db::Row& row) {
  return Settings{{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                   row.get<std::string>(3)},
                  row.get<int>(4),
                  BookingLimits{row.get<int>(5), row.get<int>(6), row.get<int>(7)},
                  row.get<std::string>(8)};
}
}  // namespace

Async<StudioProfile> SettingsRepository::studio_profile(db::Queryable& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kStudioProfile));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  const auto row = rows[0];
  co_return StudioProfile{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                          row.get<std::string>(3)};
}

Async<Settings> SettingsRepository::settings(db::Queryable& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kSettings));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return decode(rows[0]);
}

Async<Settings> SettingsRepository::update(db::Queryable& db, const SettingsPatch& p) {
  DECLIC_CO_TRY(auto rows, co_await db.query(
                               kUpdate, db::params(p.name, p.time_zone, p.currency, p.locale,
                                                   p.slot_step_minutes, p.horizon_months,
                                                   p.max_open_requests, p.request_expiry_hours)));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return decode(rows[0]);
}

}  // namespace declic::settings
