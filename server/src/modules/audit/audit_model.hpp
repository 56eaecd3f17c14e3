#pragma once
// The audit trail's records: who did what to what, from where, when. Never holds secrets.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace declic::audit {

using Detail = std::vector<std::pair<std::string, std::string>>;

struct AuditEvent {
  // A constructor, not aggregate init: g++ 12 rejects braced aggregates with string
  // literals inside co_await expressions.
  AuditEvent(std::optional<std::string> actor, std::string act, std::optional<std::string> target,
             std::string from_ip, Detail details = {})
      : actor_id(std::move(actor)),
        action(std::move(act)),
        target_id(std::move(target)),
        ip(std::move(from_ip)),
        detail(std::move(details)) {}

  std::optional<std::string> actor_id;
  std::string action;  // e.g. "auth.login", "auth.login_failed", "user.role_changed"
  std::optional<std::string> target_id;
  std::string ip;
  Detail detail;
};

// Plain functions build details: braced pair lists trip g++ 12 inside coroutines.
Detail detail(std::string key, std::string value);
Detail detail(std::string k1, std::string v1, std::string k2, std::string v2);

struct AuditRecord {
  std::int64_t id = 0;
  std::string at;  // RFC 3339
  std::optional<std::string> actor_id, actor_email, target_id, ip;
  std::string action;
  std::string detail_json;
};

struct AuditQuery {
  std::optional<std::string> actor_id, action;
  std::optional<std::int64_t> from_epoch, to_epoch;  // [from, to)
  std::optional<std::int64_t> before_id;             // the cursor: older than this event
  int limit = 100;
};

}  // namespace declic::audit
