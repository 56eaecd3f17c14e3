#include "modules/audit/audit_service.hpp"

#include <boost/json.hpp>

namespace declic::audit {

Detail detail(std::string key, std::string value) {
  Detail d;
  d.emplace_back(std::move(key), std::move(value));
  return d;
}

Detail detail(std::string k1, std::string v1, std::string k2, std::string v2) {
  auto d = detail(std::move(k1), std::move(v1));
  d.emplace_back(std::move(k2), std::move(v2));
  return d;
}

boost::asio::awaitable<core::Result<void>> AuditService::record(core::db::Queryable& db,
                                                                const AuditEvent& e) {
  boost::json::object detail;
  for (const auto& [k, v] : e.detail) detail[k] = v;
  co_return co_await repository_.insert(db, e.actor_id, e.action, e.target_id, e.ip,
                                        boost::json::serialize(detail));
}

boost::asio::awaitable<core::Result<std::vector<AuditRecord>>> AuditService::list(
    const core::auth::Principal& me, const AuditQuery& query) {
  if (!me.is_admin()) co_return core::Error::forbidden();
  co_return co_await repository_.list(db_, query);
}

}  // namespace declic::audit
