#include "modules/settings/settings_service.hpp"

#include "core/error/try.hpp"
#include "core/time/time.hpp"
#include "modules/settings/settings_repository.hpp"

namespace declic::settings {

using core::Error;
using core::Result;

SettingsService::SettingsService(core::db::Pool& db, audit::AuditService& audit,
                                 images::ImagesService& images)
    : db_(db),
      audit_(audit),
      images_(images),
      repository_(std::make_unique<SettingsRepository>()) {}
SettingsService::~SettingsService() = default;

Async<StudioProfile> SettingsService::studio_profile() {
  co_return co_await repository_->studio_profile(db_);
}

Async<StudioProfile> SettingsService::studio_profile(core::db::Queryable& db) {
  co_return co_await repository_->studio_profile(db);
}

Async<Settings> SettingsService::settings(core::db::Queryable& db) {
  {
    std::lock_guard lock(cache_mutex_);
    if (cached_ && std::chrono::steady_clock::now() - cached_at_ < std::chrono::seconds(1))
      co_return *cached_;
  }
  auto read = co_await repository_->settings(db);
  if (read) remember(*read);
  co_return read;
}

void SettingsService::remember(const Settings& s) {
  std::lock_guard lock(cache_mutex_);
  cached_ = s;
  cached_at_ = std::chrono::steady_clock::now();
}

Async<Settings> SettingsService::read(const core::auth::Principal& me) {
  if (!me.is_admin()) co_return Error::forbidden();
  co_return co_await repository_->settings(db_);
}

Async<Settings> SettingsService::update(const core::auth::Principal& me, const SettingsPatch& p,
                                        const std::string& ip) {
  if (!me.is_admin()) co_return Error::forbidden();
  std::vector<core::FieldError> invalid;
  if (p.time_zone && !core::time::Zone::find(*p.time_zone))
    invalid.push_back({"timeZone", "unknown_time_zone", "Not a time zone of the tz database."});
  if (p.currency && !valid_currency(*p.currency))
    invalid.push_back({"currency", "invalid", "Three capital letters (ISO 4217)."});
  if (p.slot_step_minutes) {
    const int s = *p.slot_step_minutes;
    if (s != 5 && s != 10 && s != 15 && s != 20 && s != 30 && s != 60)
      invalid.push_back({"slotStepMinutes", "invalid", "One of 5, 10, 15, 20, 30, 60."});
  }
  if (!invalid.empty()) co_return Error::validation(std::move(invalid));
  auto saved = co_await db_.transact([&](core::db::Tx& tx) -> Async<Settings> {
    DECLIC_CO_TRY(auto updated, co_await repository_->update(tx, p));
    const audit::AuditEvent event(me.id(), "settings.updated", std::nullopt, ip);
    DECLIC_CO_TRYV(co_await audit_.record(tx, event));
    co_return updated;
  });
  if (saved) remember(*saved);
  co_return saved;
}

Async<Settings> SettingsService::set_logo(const core::auth::Principal& me,
                                          std::optional<std::string> upload,
                                          const std::string& ip) {
  if (!me.is_admin()) co_return Error::forbidden();
  std::optional<std::string> logo, replaced;
  if (upload) {
    DECLIC_CO_TRY(auto image, co_await images_.store(std::move(*upload), images::kLogoBox));
    logo = image.id;
  }
  auto saved = co_await db_.transact([&](core::db::Tx& tx) -> Async<Settings> {
    DECLIC_CO_TRY(replaced, co_await repository_->lock_logo(tx));
    DECLIC_CO_TRY(auto updated, co_await repository_->set_logo(tx, logo));
    const audit::AuditEvent event(me.id(), "settings.logo_changed", std::nullopt, ip);
    DECLIC_CO_TRYV(co_await audit_.record(tx, event));
    co_return updated;
  });
  if (saved) remember(*saved);
  // The picture nothing shows: the new one when the change failed, else the old one
  // (should this fail, housekeeping takes it).
  const auto unshown = saved ? replaced : logo;
  co_await images_.discard(unshown);
  co_return saved;
}

}  // namespace declic::settings
