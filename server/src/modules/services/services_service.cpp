#include "modules/services/services_service.hpp"

#include "core/http/json.hpp"

#include <boost/json.hpp>

namespace declic::services {

using core::Error;
using core::Result;

namespace {
Error no_service() { return Error::not_found("service"); }
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
}

Async<std::vector<Service>> ServicesService::all(const Principal* me) {
  if (!me || !me->is_staff()) co_return Error::forbidden();
  co_return co_await repository_.list(db_, true);
}

Async<std::shared_ptr<const std::string>> ServicesService::public_catalogue() {
  // The version first, then the rows: each statement sees what was committed when it began,
  // so the list is never older than the version it is cached under (at worst newer, and
  // then the next request's version differs and rebuilds it).
  auto version = co_await repository_.version(db_);
  if (!version) co_return version.error();
  {
    std::lock_guard lock(catalogue_mutex_);
    if (catalogue_.json && catalogue_.version == *version) co_return catalogue_.json;
  }
  auto list = co_await repository_.list(db_, false);
  if (!list) co_return list.error();
  boost::json::array items;
  for (const auto& s : *list) items.push_back(service_json(s));
  const auto body = core::http::list_body(std::move(items));
  auto json = std::make_shared<const std::string>(boost::json::serialize(body));
  std::lock_guard lock(catalogue_mutex_);
  catalogue_ = {std::move(*version), json};
  co_return json;
}

Async<Service> ServicesService::get(const Principal* me, const std::string& id) {
  auto found = co_await repository_.find(db_, id);
  if (!found) co_return found.error();
  if (!*found || (!(*found)->active && (!me || !me->is_staff()))) co_return no_service();
  co_return std::move(**found);
}

Async<std::optional<Service>> ServicesService::find(core::db::Queryable& db,
                                                    const std::string& id) {
  co_return co_await repository_.find(db, id);
}

Async<Service> ServicesService::create(const Principal& me, const ServicePatch& fields,
                                       const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  Service s;
  s.professional_id = me.id();
  auto studio = co_await settings_.studio_profile(db_);
  if (!studio) co_return studio.error();
  s.currency = studio->currency;
  apply(s, fields);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Service> {
    auto bumped = co_await repository_.bump_version(tx);
    if (!bumped) co_return bumped.error();
    co_return co_await save(tx, me, s, true, ip);
  });
}

Async<Service> ServicesService::update(const Principal& me, const std::string& id,
                                       const ServicePatch& patch, const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Service> {
    auto bumped = co_await repository_.bump_version(tx);
    if (!bumped) co_return bumped.error();
    // Read and write in one transaction, the row locked: concurrent edits of different
    // fields both survive instead of the later one writing back the older values.
    auto found = co_await repository_.lock(tx, id);
    if (!found) co_return found.error();
    if (!*found) co_return no_service();
    Service s = std::move(**found);
    apply(s, patch);
    co_return co_await save(tx, me, s, false, ip);
  });
}

Async<void> ServicesService::archive(const Principal& me, const std::string& id,
                                     const std::string& ip) {
  ServicePatch patch;
  patch.active = false;
  auto archived = co_await update(me, id, patch, ip);
  if (!archived) co_return archived.error();
  co_return Result<void>{};
}

Async<Service> ServicesService::save(core::db::Queryable& tx, const Principal& me,
                                     const Service& s, bool is_new, const std::string& ip) {
  if (s.deposit_cents > s.price_cents)
    co_return Error::validation({{"depositCents", "above_price", "At most the price."}});
  auto pro = co_await users_.find(tx, s.professional_id);
  if (!pro) co_return pro.error();
  if (!*pro || (*pro)->profile.role == core::auth::Role::client || (*pro)->disabled)
    co_return Error::validation(
        {{"professionalId", "not_staff", "Choose an active staff member."}});
  // Two statements: g++ 12 mishandles co_await inside ?: like inside && and ||.
  Result<Service> saved = Error::internal();
  if (is_new) saved = co_await repository_.insert(tx, s);
  else saved = co_await repository_.update(tx, s);
  if (!saved) co_return saved.error();
  const audit::AuditEvent event(me.id(), is_new ? "service.created" : "service.updated",
                                saved->id, ip);
  auto logged = co_await audit_.record(tx, event);
  if (!logged) co_return logged.error();
  co_return std::move(*saved);
}

}  // namespace declic::services
