#pragma once
// Rules for availability: staff read and change any professional's hours and blocks (a
// small studio plans together); the professional must be a staff account. Everything is
// audited. The bookings module reads hours and blocks to compute free slots.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/availability/availability_repository.hpp"
#include "modules/users/users_service.hpp"

namespace declic::availability {

using core::auth::Principal;
template <class T>
using Async = boost::asio::awaitable<core::Result<T>>;

class AvailabilityService {
 public:
  AvailabilityService(core::db::Pool& db, users::UsersService& users, audit::AuditService& audit)
      : db_(db), users_(users), audit_(audit) {}

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

  // Serializes every change to one professional's calendar (hours, blocks, bookings): the
  // lock is taken first in each such transaction and held until it ends.
  Async<void> lock_calendar(core::db::Queryable& tx, const std::string& professional_id);

  // For slot computation: the hours, and the blocks overlapping `window`.
  Async<Calendar> calendar(core::db::Queryable& db, const std::string& professional_id,
                           Interval window);

 private:
  Async<void> require_professional(const std::string& id);

  core::db::Pool& db_;
  users::UsersService& users_;
  audit::AuditService& audit_;
  AvailabilityRepository repository_;
};

}  // namespace declic::availability
