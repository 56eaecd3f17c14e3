#include "modules/audit/audit_repository.hpp"

namespace declic::audit {

namespace {
constexpr core::db::Statement kInsert{
    "audit_insert",
    "INSERT INTO audit_events (actor_id, action, target_id, ip, detail)"
    " VALUES ($1::uuid, $2, $3::uuid, $4, $5::jsonb)"};
}

boost::asio::awaitable<core::Result<void>> AuditRepository::insert(
    core::db::Queryable& db, const std::optional<std::string>& actor_id, const std::string& action,
    const std::optional<std::string>& target_id, const std::string& ip,
    const std::string& detail_json) {
  co_return core::db::completed(co_await db.query(
      kInsert, core::db::params(actor_id, action, target_id, ip, detail_json)));
}

}  // namespace declic::audit
