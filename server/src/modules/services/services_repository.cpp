#include "modules/services/services_repository.hpp"

#include "core/error/try.hpp"

#include "core/util/uuid.hpp"

#include <boost/json.hpp>

namespace declic::services {

namespace db = core::db;

namespace {

#define SERVICE_COLUMNS                                                                            \
  "id, professional_id, name, description, category, duration_minutes, price_cents, "              \
  "currency, deposit_cents, buffer_before_minutes, buffer_after_minutes, min_notice_hours, "       \
  "active, rfc3339(created_at), rfc3339(updated_at), "                                             \
  "NOT EXISTS (SELECT 1 FROM users u WHERE u.id = professional_id AND u.disabled_at IS NOT NULL)," \
  " default_contract_template_id, array_to_json(included)::text, cover_image_id"

constexpr db::Statement kFind{"services_find",
                              "SELECT " SERVICE_COLUMNS " FROM services WHERE id = $1::uuid"};
// Two statements without parameters rather than one with "$1 OR …": PostgreSQL planned that
// one anew on every call, a custom plan dropping the condition being cheaper than the generic.
#define SERVICE_ORDER " ORDER BY category, name, id"
constexpr db::Statement kListAll{"services_list_all",
                                 "SELECT " SERVICE_COLUMNS " FROM services" SERVICE_ORDER};
constexpr db::Statement kListBookable{
    "services_list_bookable",
    "SELECT " SERVICE_COLUMNS
    " FROM services WHERE active AND NOT EXISTS (SELECT 1 FROM users u"
    "  WHERE u.id = professional_id AND u.disabled_at IS NOT NULL)" SERVICE_ORDER};
constexpr db::Statement kLock{
    "services_lock", "SELECT " SERVICE_COLUMNS " FROM services WHERE id = $1::uuid FOR UPDATE"};
constexpr db::Statement kVersion{"services_version", "SELECT version::text FROM services_version"};
constexpr db::Statement kBumpVersion{"services_version_bump",
                                     "UPDATE services_version SET version = version + 1"};
constexpr db::Statement kInsert{
    "services_insert",
    "INSERT INTO services (professional_id, name, description, category, duration_minutes,"
    " price_cents, currency, deposit_cents, buffer_before_minutes, buffer_after_minutes,"
    " min_notice_hours, active, default_contract_template_id, included)"
    " VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::uuid, $14::text[])"
    " RETURNING " SERVICE_COLUMNS};
constexpr db::Statement kUpdate{
    "services_update",
    "UPDATE services SET professional_id = $2::uuid, name = $3, description = $4,"
    " category = $5, duration_minutes = $6, price_cents = $7, currency = $8,"
    " deposit_cents = $9, buffer_before_minutes = $10, buffer_after_minutes = $11,"
    " min_notice_hours = $12, active = $13, default_contract_template_id = $14::uuid,"
    " included = $15::text[], updated_at = now()"
    " WHERE id = $1::uuid RETURNING " SERVICE_COLUMNS};
constexpr db::Statement kSetCover{
    "services_set_cover",
    "UPDATE services SET cover_image_id = $2::uuid, updated_at = now()"
    " WHERE id = $1::uuid RETURNING " SERVICE_COLUMNS};

Service decode(const db::Row& r) {
  Service s;
  s.id = r.get<std::string>(0);
  s.professional_id = r.get<std::string>(1);
  s.name = r.get<std::string>(2);
  s.description = r.get<std::string>(3);
  s.category = r.get<std::string>(4);
  s.duration_minutes = r.get<int>(5);
  s.price_cents = r.get<std::int64_t>(6);
  s.currency = r.get<std::string>(7);
  s.deposit_cents = r.get<std::int64_t>(8);
  s.buffer_before_minutes = r.get<int>(9);
  s.buffer_after_minutes = r.get<int>(10);
  s.min_notice_hours = r.get<int>(11);
  s.active = r.get<bool>(12);
  s.created_at = r.get<std::string>(13);
  s.updated_at = r.get<std::string>(14);
  s.professional_active = r.get<bool>(15);
  s.default_contract_template_id = r.get<std::optional<std::string>>(16);
  const auto included = boost::json::parse(r.get<std::string>(17));  // a JSON array of text
  for (const auto& line : included.as_array()) s.included.emplace_back(line.as_string());
  s.cover_image_id = r.get<std::optional<std::string>>(18);
  return s;
}

}  // namespace

ServicesRepository::Async<std::optional<Service>> ServicesRepository::find(Db& db,
                                                                           const std::string& id) {
  if (!core::is_uuid(id)) co_return std::optional<Service>{};
  DECLIC_CO_TRY(auto rows, co_await db.query(kFind, db::params(id)));
  if (rows.empty()) co_return std::optional<Service>{};
  co_return decode(rows[0]);
}

ServicesRepository::Async<Service> ServicesRepository::lock(Db& tx, const std::string& id) {
  if (!core::is_uuid(id)) co_return core::Error::not_found("service");
  DECLIC_CO_TRY(auto rows, co_await tx.query(kLock, db::params(id)));
  if (rows.empty()) co_return core::Error::not_found("service");
  co_return decode(rows[0]);
}

ServicesRepository::Async<std::vector<Service>> ServicesRepository::list(Db& db,
                                                                         bool include_archived) {
  DECLIC_CO_TRY(auto rows, co_await db.query(include_archived ? kListAll : kListBookable));
  std::vector<Service> out;
  out.reserve(rows.size());
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode(rows[i]));
  co_return out;
}

ServicesRepository::Async<std::string> ServicesRepository::version(Db& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kVersion));
  co_return rows[0].get<std::string>(0);
}

ServicesRepository::Async<void> ServicesRepository::bump_version(Db& tx) {
  co_return db::completed(co_await tx.query(kBumpVersion));
}

ServicesRepository::Async<Service> ServicesRepository::insert(Db& db, const Service& s) {
  DECLIC_CO_TRY(
      auto rows,
      co_await db.query(
          kInsert,
          db::params(s.professional_id, s.name, s.description, s.category, s.duration_minutes,
                     s.price_cents, s.currency, s.deposit_cents, s.buffer_before_minutes,
                     s.buffer_after_minutes, s.min_notice_hours, s.active,
                     s.default_contract_template_id, db::array_literal(s.included))));
  co_return decode(rows[0]);
}

ServicesRepository::Async<Service> ServicesRepository::update(Db& db, const Service& s) {
  DECLIC_CO_TRY(
      auto rows,
      co_await db.query(
          kUpdate,
          db::params(s.id, s.professional_id, s.name, s.description, s.category, s.duration_minutes,
                     s.price_cents, s.currency, s.deposit_cents, s.buffer_before_minutes,
                     s.buffer_after_minutes, s.min_notice_hours, s.active,
                     s.default_contract_template_id, db::array_literal(s.included))));
  if (rows.empty()) co_return core::Error::not_found("service");
  co_return decode(rows[0]);
}

ServicesRepository::Async<Service> ServicesRepository::set_cover(
    Db& tx, const std::string& id, const std::optional<std::string>& image_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kSetCover, db::params(id, image_id)));
  if (rows.empty()) co_return core::Error::not_found("service");
  co_return decode(rows[0]);
}

}  // namespace declic::services
