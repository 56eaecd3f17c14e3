#include "modules/availability/availability_service.hpp"

#include "core/db/locks.hpp"
#include "core/error/try.hpp"
#include "modules/availability/availability_repository.hpp"

#include <algorithm>

namespace declic::availability {

using core::Error;
using core::Result;
using core::db::LockScope;

namespace {

bool before(const WeeklyRange& a, const WeeklyRange& b) {
  return a.weekday != b.weekday ? a.weekday < b.weekday : a.start_minute < b.start_minute;
}

// Positions of `ranges` in week order.
std::vector<std::size_t> week_order(const std::vector<WeeklyRange>& ranges) {
  std::vector<std::size_t> order(ranges.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return before(ranges[a], ranges[b]); });
  return order;
}

}  // namespace

std::vector<WeeklyRange> sorted_ranges(std::vector<WeeklyRange> ranges) {
  std::stable_sort(ranges.begin(), ranges.end(), before);
  return ranges;
}

std::optional<std::size_t> first_overlap(const std::vector<WeeklyRange>& ranges) {
  const auto order = week_order(ranges);
  for (std::size_t i = 1; i < order.size(); ++i) {
    const auto& prev = ranges[order[i - 1]];
    const auto& cur = ranges[order[i]];
    if (cur.weekday == prev.weekday && cur.start_minute < prev.end_minute) return order[i];
  }
  return std::nullopt;
}

AvailabilityService::AvailabilityService(core::db::Pool& db, users::UsersService& users,
                                         audit::AuditService& audit)
    : db_(db),
      users_(users),
      audit_(audit),
      repository_(std::make_unique<AvailabilityRepository>()) {}
AvailabilityService::~AvailabilityService() = default;

Async<void> AvailabilityService::require_professional(const std::string& id) {
  DECLIC_CO_TRY(auto user, co_await users_.find(db_, id));
  if (!user || user->profile.role == core::auth::Role::client)
    co_return Error::validation({{"professionalId", "not_staff", "Choose a staff member."}});
  co_return Result<void>{};
}

Async<std::vector<WeeklyRange>> AvailabilityService::weekly(const Principal& me,
                                                            const std::string& professional_id) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_->weekly(db_, professional_id);
}

Async<std::vector<WeeklyRange>> AvailabilityService::replace_weekly(
    const Principal& me, const std::string& professional_id, std::vector<WeeklyRange> ranges,
    const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  // The index the client sent, not its place after sorting.
  if (auto i = first_overlap(ranges))
    co_return Error::validation(
        {{"[" + std::to_string(*i) + "]", "overlap", "Two ranges of the same day overlap."}});
  ranges = sorted_ranges(std::move(ranges));
  DECLIC_CO_TRYV(co_await require_professional(professional_id));
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<std::vector<WeeklyRange>> {
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::calendar, professional_id));
    DECLIC_CO_TRYV(co_await repository_->replace_weekly(tx, professional_id, ranges));
    const audit::AuditEvent event(me.id(), "availability.weekly_changed", professional_id, ip);
    DECLIC_CO_TRYV(co_await audit_.record(tx, event));
    co_return ranges;
  });
}

Async<std::vector<Block>> AvailabilityService::blocks(const Principal& me,
                                                      const std::string& professional_id,
                                                      Instant after) {
  if (!me.is_staff()) co_return Error::forbidden();
  // Far enough for any plan, near enough for to_timestamp().
  const Instant far_future = core::time::Instant(
      std::chrono::sys_days(std::chrono::year(9999) / std::chrono::January / 1));
  co_return co_await repository_->blocks(db_, professional_id, after, far_future);
}

Async<Block> AvailabilityService::add_block(const Principal& me, Block block,
                                            const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  DECLIC_CO_TRYV(co_await require_professional(block.professional_id));
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Block> {
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::calendar, block.professional_id));
    DECLIC_CO_TRY(auto added, co_await repository_->insert_block(tx, block));
    const audit::AuditEvent event(me.id(), "availability.block_added", added.id, ip);
    DECLIC_CO_TRYV(co_await audit_.record(tx, event));
    co_return std::move(added);
  });
}

Async<void> AvailabilityService::remove_block(const Principal& me, const std::string& id,
                                              const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRYV(co_await repository_->delete_block(tx, id));
    const audit::AuditEvent event(me.id(), "availability.block_removed", id, ip);
    co_return co_await audit_.record(tx, event);
  });
}

Async<Calendar> AvailabilityService::calendar(core::db::Queryable& db,
                                              const std::string& professional_id, Interval window) {
  co_return co_await repository_->calendar(db, professional_id, window);
}

}  // namespace declic::availability
