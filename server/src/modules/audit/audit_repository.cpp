#include "modules/audit/audit_repository.hpp"

namespace declic::audit {

namespace {
constexpr core::db::Statement kInsert{
    "audit_insert",
    "INSERT INTO audit_events (actor_id, action, target_id, ip, detail)"
    " VALUES ($1::uuid, $2, $3::uuid, $4, $5::jsonb)"};
constexpr core::db::Statement kList{
    "audit_list",
    "SELECT e.id, rfc3339(e.at), e.actor_id, u.email, e.target_id, e.ip, e.action,"
    " e.detail::text FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id"
    " WHERE ($1::uuid IS NULL OR e.actor_id = $1::uuid) AND ($2::text IS NULL OR e.action = $2)"
    "   AND ($3::bigint IS NULL OR e.at >= to_timestamp($3))"
    "   AND ($4::bigint IS NULL OR e.at < to_timestamp($4))"
    "   AND ($5::bigint IS NULL OR e.id < $5)"
    " ORDER BY e.id DESC LIMIT $6"};
}

boost::asio::awaitable<core::Result<void>> AuditRepository::insert(
    core::db::Queryable& db, const std::optional<std::string>& actor_id, const std::string& action,
    const std::optional<std::string>& target_id, const std::string& ip,
    const std::string& detail_json) {
  co_return core::db::completed(co_await db.query(
      kInsert, core::db::params(actor_id, action, target_id, ip, detail_json)));
}

boost::asio::awaitable<core::Result<std::vector<AuditRecord>>> AuditRepository::list(
    core::db::Queryable& db, const AuditQuery& q) {
  auto rows = co_await db.query(kList, core::db::params(q.actor_id, q.action, q.from_epoch,
                                                        q.to_epoch, q.before_id, q.limit));
  if (!rows) co_return rows.error();
  std::vector<AuditRecord> out;
  for (int i = 0; i < rows->size(); ++i) {
    const auto r = (*rows)[i];
    out.push_back({r.get<std::int64_t>(0), r.get<std::string>(1),
                   r.get<std::optional<std::string>>(2), r.get<std::optional<std::string>>(3),
                   r.get<std::optional<std::string>>(4), r.get<std::optional<std::string>>(5),
                   r.get<std::string>(6), r.get<std::string>(7)});
  }
  co_return out;
}

}  // namespace declic::audit
