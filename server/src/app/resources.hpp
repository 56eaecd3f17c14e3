#pragma once
// Files embedded in the binary at build time (see server/cmake/embed.cmake), so one binary
// carries its schema and its API description.

#include "core/db/migrate.hpp"

#include <string_view>
#include <vector>

namespace declic::app {
std::vector<core::db::Migration> embedded_migrations();
std::string_view openapi_yaml();
// SQL that gives the demo studio a history (server/demo/activity.sql).
std::string_view demo_activity_sql();
}  // namespace declic::app
