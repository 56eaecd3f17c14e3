#include "modules/settings/settings_repository.hpp"

#include "core/error/try.hpp"

namespace declic::settings {

namespace db = core::db;

namespace {
// The profile's columns first (decode_profile reads them), then the rest (decode).
#define PROFILE_COLUMNS                                                                   \
  "studio_name, time_zone, currency, locale, presentation, contact_email, contact_phone," \
  " address, accent_color, logo_image_id"
#define SETTINGS_COLUMNS                                                      \
  PROFILE_COLUMNS                                                             \
  ", slot_step_minutes, booking_horizon_months,"                              \
  " max_open_requests_per_client, request_expiry_hours, rfc3339(updated_at)," \
  " legal_name, legal_address, siret, vat_number"

constexpr db::Statement kStudioProfile{"settings_studio_profile",
                                       "SELECT " PROFILE_COLUMNS " FROM settings WHERE id"};
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
    " legal_name = CASE WHEN $9 THEN $10 ELSE legal_name END,"
    " legal_address = CASE WHEN $11 THEN $12 ELSE legal_address END,"
    " siret = CASE WHEN $13 THEN $14 ELSE siret END,"
    " vat_number = CASE WHEN $15 THEN $16 ELSE vat_number END,"
    " presentation = CASE WHEN $17 THEN $18 ELSE presentation END,"
    " contact_email = CASE WHEN $19 THEN $20 ELSE contact_email END,"
    " contact_phone = CASE WHEN $21 THEN $22 ELSE contact_phone END,"
    " address = CASE WHEN $23 THEN $24 ELSE address END,"
    " accent_color = CASE WHEN $25 THEN $26 ELSE accent_color END,"
    " updated_at = now() WHERE id RETURNING " SETTINGS_COLUMNS};
constexpr db::Statement kLockLogo{"settings_lock_logo",
                                  "SELECT logo_image_id FROM settings WHERE id FOR UPDATE"};
constexpr db::Statement kSetLogo{
    "settings_set_logo",
    "UPDATE settings SET logo_image_id = $1::uuid, updated_at = now() WHERE id"
    " RETURNING " SETTINGS_COLUMNS};

using Text = std::optional<std::string>;

StudioProfile decode_profile(const db::Row& row) {
  return {row.get<std::string>(0),
          row.get<std::string>(1),
          row.get<std::string>(2),
          row.get<std::string>(3),
          {row.get<Text>(4), row.get<Text>(5), row.get<Text>(6), row.get<Text>(7), row.get<Text>(8),
           row.get<Text>(9)}};
}

Settings decode(const db::Row& row) {
  return Settings{decode_profile(row),
                  {row.get<Text>(15), row.get<Text>(16), row.get<Text>(17), row.get<Text>(18)},
                  row.get<int>(10),
                  BookingLimits{row.get<int>(11), row.get<int>(12), row.get<int>(13)},
                  row.get<std::string>(14)};
}
#undef SETTINGS_COLUMNS
#undef PROFILE_COLUMNS
}  // namespace

Async<StudioProfile> SettingsRepository::studio_profile(db::Queryable& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kStudioProfile));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return decode_profile(rows[0]);
}

Async<Settings> SettingsRepository::settings(db::Queryable& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kSettings));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return decode(rows[0]);
}

Async<Settings> SettingsRepository::update(db::Queryable& db, const SettingsPatch& p) {
  DECLIC_CO_TRY(
      auto rows,
      co_await db.query(
          kUpdate, db::params(p.name, p.time_zone, p.currency, p.locale, p.slot_step_minutes,
                              p.horizon_months, p.max_open_requests, p.request_expiry_hours,
                              p.legal_name.has_value(), p.legal_name.value_or(std::nullopt),
                              p.legal_address.has_value(), p.legal_address.value_or(std::nullopt),
                              p.siret.has_value(), p.siret.value_or(std::nullopt),
                              p.vat_number.has_value(), p.vat_number.value_or(std::nullopt),
                              p.presentation.has_value(), p.presentation.value_or(std::nullopt),
                              p.contact_email.has_value(), p.contact_email.value_or(std::nullopt),
                              p.contact_phone.has_value(), p.contact_phone.value_or(std::nullopt),
                              p.address.has_value(), p.address.value_or(std::nullopt),
                              p.accent_color.has_value(), p.accent_color.value_or(std::nullopt))));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return decode(rows[0]);
}

Async<std::optional<std::string>> SettingsRepository::lock_logo(db::Queryable& tx) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kLockLogo));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return rows[0].get<Text>(0);
}

Async<Settings> SettingsRepository::set_logo(db::Queryable& tx,
                                             const std::optional<std::string>& image_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kSetLogo, db::params(image_id)));
  if (rows.empty()) co_return core::Error::not_found("studio settings");
  co_return decode(rows[0]);
}

}  // namespace declic::settings
