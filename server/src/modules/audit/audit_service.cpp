#include "modules/audit/audit_service.hpp"

#include "modules/audit/audit_repository.hpp"

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

AuditService::AuditService(core::db::Pool& db)
    : db_(db), repository_(std::make_unique<AuditRepository>()) {}
AuditService::~AuditService() = default;

Async<void> AuditService::record(core::db::Queryable& db, const AuditEvent& e) {
  co_return co_await repository_->insert(db, e);
}

Async<void> AuditService::record(core::db::Queryable& db,
                                 const std::optional<std::string>& actor_id,
                                 const std::string& action,
                                 const std::optional<std::string>& target_id, const std::string& ip,
                                 const std::string& detail_json) {
  co_return co_await repository_->insert(db, actor_id, action, target_id, ip, detail_json);
}

Async<std::vector<AuditRecord>> AuditService::list(const core::auth::Principal& me,
                                                   const AuditQuery& query) {
  if (!me.is_admin()) co_return core::Error::forbidden();
  co_return co_await repository_->list(db_, query);
}

}  // namespace declic::audit
