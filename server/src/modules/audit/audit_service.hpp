#pragma once
// The audit trail: sign-ins (ok and failed), role changes, disabling, resets, bookings and
// projects changing… Written in the same transaction as the change it records: by the
// module that acts (auth, settings, services, availability), or by this module's
// in-transaction subscription to the domain events others publish (audit_module.cpp).

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_model.hpp"

#include <memory>

namespace declic::audit {

using core::Async;

class AuditRepository;

class AuditService {
 public:
  explicit AuditService(core::db::Pool& db);
  ~AuditService();

  Async<void> record(core::db::Queryable& db, const AuditEvent& e);
  // `detail_json`: a JSON object, as text.
  Async<void> record(core::db::Queryable& db, const std::optional<std::string>& actor_id,
                     const std::string& action, const std::optional<std::string>& target_id,
                     const std::string& ip, const std::string& detail_json);
  // GET /api/audit: ADMIN only.
  Async<std::vector<AuditRecord>> list(const core::auth::Principal& me, const AuditQuery& query);

 private:
  core::db::Pool& db_;
  std::unique_ptr<AuditRepository> repository_;
};

}  // namespace declic::audit
