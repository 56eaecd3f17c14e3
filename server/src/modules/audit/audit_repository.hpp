#pragma once
#include "core/db/db.hpp"

#include <optional>
#include <string>

namespace declic::audit {

class AuditRepository {
 public:
  boost::asio::awaitable<core::Result<void>> insert(core::db::Queryable& db,
                                                    const std::optional<std::string>& actor_id,
                                                    const std::string& action,
                                                    const std::optional<std::string>& target_id,
                                                    const std::string& ip,
                                                    const std::string& detail_json);
};

}  // namespace declic::audit
