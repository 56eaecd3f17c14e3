#include "modules/audit/audit_repository.hpp"

#include "core/error/try.hpp"

#include <boost/json.hpp>

namespace declic::audit {

namespace db = core::db;

namespace {
constexpr db::Statement kInsert{"audit_insert",
                                "INSERT INTO audit_events (actor_id, action, target_id, ip, detail)"
                                " VALUES ($1::uuid, $2, $3::uuid, $4, $5::jsonb)"};
constexpr db::Statement kList{
    "audit_list",
    "SELECT e.id, rfc3339(e.at), e.actor_id, u.email, e.target_id, e.ip, e.action,"
    " e.detail::text FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id"
    " WHERE ($1::uuid IS NULL OR e.actor_id = $1::uuid) AND ($2::text IS NULL OR e.action = $2)"
    "   AND ($3::bigint IS NULL OR e.at >= to_timestamp($3))"
    "   AND ($4::bigint IS NULL OR e.at < to_timestamp($4))"
    "   AND ($5::bigint IS NULL OR e.id < $5)"
    " ORDER BY e.id DESC LIMIT $6"};
}  // namespace

Async<void> AuditRepository::insert(db::Queryable& db, const std::optional<std::string>& actor_id,
                                    const std::string& action,
                                    const std::optional<std::string>& target_id,
                                    const std::string& ip, const std::string& detail_json) {
  co_return db::completed(
      co_await db.query(kInsert, db::params(actor_id, action, target_id, ip, detail_json)));
}

Async<void> AuditRepository::insert(db::Queryable& db, const AuditEvent& e) {
  boost::json::object detail;
  for (const auto& [k, v] : e.detail) detail[k] = v;
  const auto text = boost::json::serialize(detail);
  co_return co_await insert(db, e.actor_id, e.action, e.target_id, e.ip, text);
}

Async<std::vector<AuditRecord>> AuditRepository::list(db::Queryable& db, const AuditQuery& q) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kList, db::params(q.actor_id, q.action, q.from_epoch,
                                                               q.to_epoch, q.before_id, q.limit)));
  std::vector<AuditRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    out.push_back({r.get<std::int64_t>(0), r.get<std::string>(1),
                   r.get<std::optional<std::string>>(2), r.get<std::optional<std::string>>(3),
                   r.get<std::optional<std::string>>(4), r.get<std::optional<std::string>>(5),
                   r.get<std::string>(6), r.get<std::string>(7)});
  }
  co_return out;
}

}  // namespace declic::audit
