#pragma once
// Forward-only schema migrations: numbered SQL files (0001_init.sql, …) embedded in the
// binary, each applied in its own transaction and recorded in `schema_migrations`. An
// advisory lock lets several servers start at once against one database.

#include "core/db/db.hpp"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace declic::core::db {

struct Migration {
  std::string name;  // file name without ".sql", e.g. "0001_init"
  std::string_view sql;
};

struct MigrationReport {
  std::vector<std::string> applied;
  std::size_t already_applied = 0;
};

// Applies, in name order, the migrations not yet recorded. On failure the error's detail
// names the migration and carries the database's message; nothing of that migration stays.
boost::asio::awaitable<Result<MigrationReport>> migrate(Pool& pool,
                                                        std::span<const Migration> migrations);

}  // namespace declic::core::db
