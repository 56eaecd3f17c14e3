#pragma once
// The audit trail: sign-ins (ok and failed), role changes, disabling, resets, deletions…
// Written in the same transaction as the change it records. Never holds secrets.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_repository.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace declic::audit {

struct AuditEvent {
  // A constructor, not aggregate init: g++ 12 rejects braced aggregates with string
  // literals inside co_await expressions.
  AuditEvent(std::optional<std::string> actor, std::string act, std::optional<std::string> target,
             std::string from_ip, std::vector<std::pair<std::string, std::string>> details = {})
      : actor_id(std::move(actor)),
        action(std::move(act)),
        target_id(std::move(target)),
        ip(std::move(from_ip)),
        detail(std::move(details)) {}

  std::optional<std::string> actor_id;
  std::string action;  // e.g. "auth.login", "auth.login_failed", "user.role_changed"
  std::optional<std::string> target_id;
  std::string ip;
  std::vector<std::pair<std::string, std::string>> detail;
};

using Detail = std::vector<std::pair<std::string, std::string>>;
// Plain functions build details: braced pair lists trip g++ 12 inside coroutines.
Detail detail(std::string key, std::string value);
Detail detail(std::string k1, std::string v1, std::string k2, std::string v2);

class AuditService {
 public:
  explicit AuditService(core::db::Pool& db) : db_(db) {}
  boost::asio::awaitable<core::Result<void>> record(core::db::Queryable& db, const AuditEvent& e);
  // GET /api/audit: ADMIN only.
  boost::asio::awaitable<core::Result<std::vector<AuditRecord>>> list(
      const core::auth::Principal& me, const AuditQuery& query);

 private:
  core::db::Pool& db_;
  AuditRepository repository_;
};

}  // namespace declic::audit
