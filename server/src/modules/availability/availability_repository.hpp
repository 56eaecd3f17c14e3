#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/availability/availability_model.hpp"

#include <optional>

namespace declic::availability {

// SQL for working_hours and availability_blocks.
class AvailabilityRepository {
 public:
  using Db = core::db::Queryable;
  template <class T>
  using Async = core::Async<T>;

  Async<std::vector<WeeklyRange>> weekly(Db& db, const std::string& professional_id);
  // Replaces every range of the professional; run it in a transaction.
  Async<void> replace_weekly(Db& tx, const std::string& professional_id,
                             const std::vector<WeeklyRange>& ranges);
  // Blocks of the professional ending after `after`, by start.
  Async<std::vector<Block>> blocks(Db& db, const std::string& professional_id, Instant after,
                                   Instant before);
  // Working hours and the blocks overlapping `window`, in one round trip (slot listings).
  Async<Calendar> calendar(Db& db, const std::string& professional_id, Interval window);
  Async<Block> insert_block(Db& db, const Block& block);
  Async<Block> delete_block(Db& db, const std::string& id);  // 404 inside
};

}  // namespace declic::availability
