#include "modules/services/services_controller.hpp"

#include "core/http/image_body.hpp"
#include "core/http/json.hpp"
#include "core/util/uuid.hpp"
#include "modules/services/services_json.hpp"
#include "modules/settings/settings_model.hpp"

#include <boost/json.hpp>

namespace declic::services {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using core::http::JsonReader;
using core::http::problem;
using core::http::Request;

namespace {

constexpr std::int64_t kMaxPriceCents = 100'000'000;

std::optional<int> read_int(JsonReader& r, const char* field, bool required, int min, int max) {
  auto v = required ? r.required_int(field, min, max) : r.optional_int(field, min, max);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

ServicePatch read_service(JsonReader& r, bool is_new) {
  ServicePatch p;
  p.name = is_new ? r.required_string("name", 1, 200) : r.optional_string("name", 1, 200);
  p.description = r.optional_string("description", 0, 5000);
  p.category = r.optional_string("category", 0, 100);
  p.duration_minutes = read_int(r, "durationMinutes", is_new, 5, 1440);
  p.price_cents = is_new ? r.required_int("priceCents", 0, kMaxPriceCents)
                         : r.optional_int("priceCents", 0, kMaxPriceCents);
  p.deposit_cents = r.optional_int("depositCents", 0, kMaxPriceCents);
  p.buffer_before_minutes = read_int(r, "bufferBeforeMinutes", false, 0, 1440);
  p.buffer_after_minutes = read_int(r, "bufferAfterMinutes", false, 0, 1440);
  p.min_notice_hours = read_int(r, "minNoticeHours", false, 0, 8760);
  p.active = r.optional_bool("active");
  p.included = r.string_list("included", 12, 120);
  p.default_contract_template_id = r.nullable_string("defaultContractTemplateId", 36);
  if (p.default_contract_template_id && *p.default_contract_template_id &&
      !core::is_uuid(**p.default_contract_template_id))
    r.invalid("defaultContractTemplateId", "invalid", "Not an id.");
  p.currency = r.optional_string("currency", 3, 3);
  if (p.currency && !settings::valid_currency(*p.currency))
    r.invalid("currency", "invalid", "Three capital letters (ISO 4217).");
  p.professional_id = r.optional_string("professionalId", 36, 36);
  if (p.professional_id && !core::is_uuid(*p.professional_id))
    r.invalid("professionalId", "invalid", "Not an id.");
  return p;
}

}  // namespace

http::Reply ServicesController::list(Request& req) {
  const auto archived = req.query_param("includeArchived");
  if (archived && *archived != "true" && *archived != "false")
    co_return problem(Error::validation({{"includeArchived", "invalid", "true or false."}}));
  if (archived != "true") co_return co_await catalogue();
  const Principal* me = req.principal ? &*req.principal : nullptr;
  const auto kept = pages_.find(me ? me->id() : std::string_view{}, req.target);
  if (kept.body) co_return http::Response::json(200, *kept.body);
  auto list = co_await service_.all(me);
  if (!list) co_return problem(list.error());
  json::array items;
  for (const auto& s : *list) items.push_back(service_json(s, true));
  auto reply = http::json_reply(200, http::list_body(std::move(items)));
  pages_.keep(kept, reply.body);
  co_return reply;
}

http::Reply ServicesController::catalogue() {
  auto version = co_await service_.catalogue_version();
  if (!version) co_return problem(version.error());
  {
    std::lock_guard lock(cache_mutex_);
    if (cache_.json && cache_.version == *version)
      co_return http::Response::json(200, *cache_.json);
  }
  auto list = co_await service_.catalogue();
  if (!list) co_return problem(list.error());
  json::array items;
  for (const auto& s : *list) items.push_back(service_json(s, false));
  auto body =
      std::make_shared<const std::string>(json::serialize(http::list_body(std::move(items))));
  {
    std::lock_guard lock(cache_mutex_);
    cache_ = {std::move(*version), body};
  }
  co_return http::Response::json(200, *body);
}

http::Reply ServicesController::get(Request& req) {
  const Principal* me = req.principal ? &*req.principal : nullptr;
  auto s = co_await service_.get(me, std::string(req.param("id")));
  if (!s) co_return problem(s.error());
  co_return http::json_reply(200, service_json(*s, me && me->is_staff()));
}

http::Reply ServicesController::create(Request& req) {
  co_return co_await save(req, true);
}

http::Reply ServicesController::update(Request& req) {
  co_return co_await save(req, false);
}

http::Reply ServicesController::save(Request& req, bool is_new) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  const auto patch = read_service(r, is_new);
  if (auto e = r.error()) co_return problem(*e);
  core::Result<Service> saved = Error::internal();
  if (is_new)
    saved = co_await service_.create(*req.principal, patch, req.remote_ip);
  else
    saved = co_await service_.update(*req.principal, std::string(req.param("id")), patch,
                                     req.remote_ip);
  if (!saved) co_return problem(saved.error());
  co_return http::json_reply(is_new ? 201 : 200, service_json(*saved, true));
}

http::Reply ServicesController::archive(Request& req) {
  auto done =
      co_await service_.archive(*req.principal, std::string(req.param("id")), req.remote_ip);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply ServicesController::put_cover(Request& req) {
  auto upload = http::take_image_body(req);
  if (!upload) co_return problem(upload.error());
  auto saved = co_await service_.set_cover(*req.principal, std::string(req.param("id")),
                                           std::move(*upload), req.remote_ip);
  if (!saved) co_return problem(saved.error());
  co_return http::json_reply(200, service_json(*saved, true));
}

http::Reply ServicesController::delete_cover(Request& req) {
  auto saved = co_await service_.set_cover(*req.principal, std::string(req.param("id")),
                                           std::nullopt, req.remote_ip);
  if (!saved) co_return problem(saved.error());
  co_return http::json_reply(200, service_json(*saved, true));
}

}  // namespace declic::services
