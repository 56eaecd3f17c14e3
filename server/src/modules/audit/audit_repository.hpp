#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_model.hpp"

namespace declic::audit {

using core::Async;

// SQL for audit_events.
class AuditRepository {
 public:
  // Newest first.
  Async<std::vector<AuditRecord>> list(core::db::Queryable& db, const AuditQuery& q);
  Async<void> insert(core::db::Queryable& db, const AuditEvent& e);
  // `detail_json`: a JSON object, as text.
  Async<void> insert(core::db::Queryable& db, const std::optional<std::string>& actor_id,
                     const std::string& action, const std::optional<std::string>& target_id,
                     const std::string& ip, const std::string& detail_json);
};

}  // namespace declic::audit
