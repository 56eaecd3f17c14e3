#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"

#include <optional>
#include <string>

namespace declic::calendar {

using core::Async;

// SQL for the feeds' tokens (their SHA-256, never the tokens).
class CalendarRepository {
 public:
  using Db = core::db::Queryable;

  // When the user's feed was made; nullopt without one.
  Async<std::optional<std::string>> created_at(Db& db, const std::string& user_id);
  // Replaces the user's feed: the previous address stops working. Returns its created_at.
  Async<std::string> replace(Db& db, const std::string& user_id, const std::string& token_hash);
  Async<void> remove(Db& db, const std::string& user_id);
  // The owner of a feed, while they are staff and not disabled.
  Async<std::optional<std::string>> owner(Db& db, const std::string& token_hash);
};

}  // namespace declic::calendar
