#pragma once
// Rules for availability: staff read and change any professional's hours and blocks (a
// small studio plans together); the professional must be a staff account. Everything is
// audited. Changes take the professional's calendar lock (core/db/locks.hpp) first. The
// bookings module reads hours and blocks to compute free slots.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/availability/availability_model.hpp"
#include "modules/users/users_service.hpp"

#include <memory>

namespace declic::availability {

using core::Async;
using core::auth::Principal;

class AvailabilityRepository;

class AvailabilityService {
 public:
  AvailabilityService(core::db::Pool& db, users::UsersService& users, audit::AuditService& audit);
  ~AvailabilityService();

  Async<std::vector<WeeklyRange>> weekly(const Principal& me, const std::string& professional_id);
  // Validated by the caller's reader: weekday 1..7, start < end; overlaps refused here.
  Async<std::vector<WeeklyRange>> replace_weekly(const Principal& me,
                                                 const std::string& professional_id,
                                                 std::vector<WeeklyRange> ranges,
                                                 const std::string& ip);
  Async<std::vector<Block>> blocks(const Principal& me, const std::string& professional_id,
                                   Instant after);
  Async<Block> add_block(const Principal& me, Block block, const std::string& ip);
  Async<void> remove_block(const Principal& me, const std::string& id, const std::string& ip);

  // For slot computation: the hours, and the blocks overlapping `window`.
  Async<Calendar> calendar(core::db::Queryable& db, const std::string& professional_id,
                           Interval window);

 private:
  Async<void> require_professional(const std::string& id);

  core::db::Pool& db_;
  users::UsersService& users_;
  audit::AuditService& audit_;
  std::unique_ptr<AvailabilityRepository> repository_;
};

}  // namespace declic::availability
