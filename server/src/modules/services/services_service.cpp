#include "modules/services/services_service.hpp"

#include "core/error/try.hpp"
#include "modules/services/services_events.hpp"
#include "modules/services/services_repository.hpp"

namespace declic::services {

using core::Error;
using core::Result;

ServicesService::ServicesService(core::db::Pool& db, core::events::Bus& events,
                                 users::UsersService& users, settings::SettingsService& settings,
                                 images::ImagesService& images)
    : db_(db),
      events_(events),
      users_(users),
      settings_(settings),
      images_(images),
      repository_(std::make_unique<ServicesRepository>()) {}
ServicesService::~ServicesService() = default;

namespace {
Error no_service() {
  return Error::not_found("service");
}
}  // namespace

void apply(Service& s, const ServicePatch& p) {
  if (p.professional_id) s.professional_id = *p.professional_id;
  if (p.name) s.name = *p.name;
  if (p.description) s.description = *p.description;
  if (p.category) s.category = *p.category;
  if (p.currency) s.currency = *p.currency;
  if (p.duration_minutes) s.duration_minutes = *p.duration_minutes;
  if (p.buffer_before_minutes) s.buffer_before_minutes = *p.buffer_before_minutes;
  if (p.buffer_after_minutes) s.buffer_after_minutes = *p.buffer_after_minutes;
  if (p.min_notice_hours) s.min_notice_hours = *p.min_notice_hours;
  if (p.price_cents) s.price_cents = *p.price_cents;
  if (p.deposit_cents) s.deposit_cents = *p.deposit_cents;
  if (p.active) s.active = *p.active;
  if (p.default_contract_template_id)
    s.default_contract_template_id = *p.default_contract_template_id;
  if (p.included) s.included = *p.included;
}

Async<std::vector<Service>> ServicesService::all(const Principal* me) {
  if (!me || !me->is_staff()) co_return Error::forbidden();
  co_return co_await repository_->list(db_, true);
}

Async<std::vector<Service>> ServicesService::catalogue() {
  co_return co_await repository_->list(db_, false);
}

Async<std::string> ServicesService::catalogue_version() {
  co_return co_await repository_->version(db_);
}

Async<void> ServicesService::catalogue_changed(core::db::Queryable& tx) {
  co_return co_await repository_->bump_version(tx);
}

Async<Service> ServicesService::get(const Principal* me, const std::string& id) {
  DECLIC_CO_TRY(auto found, co_await repository_->find(db_, id));
  const bool bookable = found && found->active && found->professional_active;
  if (!found || (!bookable && (!me || !me->is_staff()))) co_return no_service();
  co_return std::move(*found);
}

Async<std::optional<Service>> ServicesService::find(core::db::Queryable& db,
                                                    const std::string& id) {
  co_return co_await repository_->find(db, id);
}

Async<Service> ServicesService::create(const Principal& me, const ServicePatch& fields,
                                       const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  Service s;
  s.professional_id = me.id();
  DECLIC_CO_TRY(auto studio, co_await settings_.studio_profile(db_));
  s.currency = studio.currency;
  apply(s, fields);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Service> {
    DECLIC_CO_TRYV(co_await repository_->bump_version(tx));
    co_return co_await save(tx, me, s, true, ip);
  });
}

Async<Service> ServicesService::update(const Principal& me, const std::string& id,
                                       const ServicePatch& patch, const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Service> {
    DECLIC_CO_TRYV(co_await repository_->bump_version(tx));
    // Read and write in one transaction, the row locked: concurrent edits of different
    // fields both survive instead of the later one writing back the older values.
    DECLIC_CO_TRY(Service s, co_await repository_->lock(tx, id));
    apply(s, patch);
    co_return co_await save(tx, me, s, false, ip);
  });
}

Async<void> ServicesService::archive(const Principal& me, const std::string& id,
                                     const std::string& ip) {
  ServicePatch patch;
  patch.active = false;
  DECLIC_CO_TRYV(co_await update(me, id, patch, ip));
  co_return Result<void>{};
}

Async<Service> ServicesService::set_cover(const Principal& me, const std::string& id,
                                          std::optional<std::string> upload,
                                          const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  DECLIC_CO_TRYV(co_await get(&me, id));  // 404 before the picture is made
  std::optional<std::string> cover, replaced;
  if (upload) {
    DECLIC_CO_TRY(auto image, co_await images_.store(std::move(*upload), images::kCoverBox));
    cover = image.id;
  }
  auto saved = co_await db_.transact([&](core::db::Tx& tx) -> Async<Service> {
    DECLIC_CO_TRYV(co_await repository_->bump_version(tx));
    DECLIC_CO_TRY(auto current, co_await repository_->lock(tx, id));
    replaced = current.cover_image_id;
    DECLIC_CO_TRY(auto updated, co_await repository_->set_cover(tx, id, cover));
    const auto event = service_event("service.cover_changed", me, id, ip);
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    co_return updated;
  });
  // The picture nothing shows: the new one when the change failed, else the old one
  // (should this fail, housekeeping takes it).
  const auto unshown = saved ? replaced : cover;
  co_await images_.discard(unshown);
  co_return saved;
}

Async<Service> ServicesService::save(core::db::Queryable& tx, const Principal& me, const Service& s,
                                     bool is_new, const std::string& ip) {
  if (s.deposit_cents > s.price_cents)
    co_return Error::validation({{"depositCents", "above_price", "At most the price."}});
  DECLIC_CO_TRY(auto pro, co_await users_.find(tx, s.professional_id));
  if (!pro || pro->profile.role == core::auth::Role::client || pro->disabled)
    co_return Error::validation(
        {{"professionalId", "not_staff", "Choose an active staff member."}});
  // Two statements: g++ 12 mishandles co_await inside ?: like inside && and ||.
  Result<Service> saved = Error::internal();
  if (is_new)
    saved = co_await repository_->insert(tx, s);
  else
    saved = co_await repository_->update(tx, s);
  if (!saved) co_return saved.error();
  const auto event =
      service_event(is_new ? "service.created" : "service.updated", me, saved->id, ip);
  DECLIC_CO_TRYV(co_await events_.publish(tx, event));
  co_return std::move(*saved);
}

}  // namespace declic::services
