#pragma once
#include "core/db/db.hpp"

#include <optional>
#include <string>
#include <vector>
#include <cstdint>

namespace declic::audit {

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

class AuditRepository {
 public:
  // Newest first.
  boost::asio::awaitable<core::Result<std::vector<AuditRecord>>> list(core::db::Queryable& db,
                                                                      const AuditQuery& q);
  boost::asio::awaitable<core::Result<void>> insert(core::db::Queryable& db,
                                                    const std::optional<std::string>& actor_id,
                                                    const std::string& action,
                                                    const std::optional<std::string>& target_id,
                                                    const std::string& ip,
                                                    const std::string& detail_json);
};

}  // namespace declic::audit
