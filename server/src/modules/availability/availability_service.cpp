#include "modules/availability/availability_service.hpp"

#include <algorithm>

namespace declic::availability {

using core::Error;
using core::Result;

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

Async<void> AvailabilityService::require_professional(const std::string& id) {
  auto user = co_await users_.find(db_, id);
  if (!user) co_return user.error();
  if (!*user || (*user)->profile.role == core::auth::Role::client)
    co_return Error::validation(
        {{"professionalId", "not_staff", "Choose a staff member."}});
  co_return Result<void>{};
}

Async<std::vector<WeeklyRange>> AvailabilityService::weekly(const Principal& me,
                                                            const std::string& professional_id) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await repository_.weekly(db_, professional_id);
}

Async<std::vector<WeeklyRange>> AvailabilityService::replace_weekly(
    const Principal& me, const std::string& professional_id, std::vector<WeeklyRange> ranges,
    const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  // The index the client sent, not its place after sorting.
  if (auto i = first_overlap(ranges))
    co_return Error::validation({{"[" + std::to_string(*i) + "]", "overlap",
                                  "Two ranges of the same day overlap."}});
  ranges = sorted_ranges(std::move(ranges));
  if (auto ok = co_await require_professional(professional_id); !ok) co_return ok.error();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<std::vector<WeeklyRange>> {
    auto locked = co_await repository_.lock_professional(tx, professional_id);
    if (!locked) co_return locked.error();
    auto replaced = co_await repository_.replace_weekly(tx, professional_id, ranges);
    if (!replaced) co_return replaced.error();
    const audit::AuditEvent event(me.id(), "availability.weekly_changed", professional_id, ip);
    auto logged = co_await audit_.record(tx, event);
    if (!logged) co_return logged.error();
    co_return ranges;
  });
}

Async<std::vector<Block>> AvailabilityService::blocks(const Principal& me,
                                                      const std::string& professional_id,
                                                      Instant after) {
  if (!me.is_staff()) co_return Error::forbidden();
  // Far enough for any plan, near enough for to_timestamp().
  const Instant far_future = core::time::Instant(std::chrono::sys_days(
      std::chrono::year(9999) / std::chrono::January / 1));
  co_return co_await repository_.blocks(db_, professional_id, after, far_future);
}

Async<Block> AvailabilityService::add_block(const Principal& me, Block block,
                                            const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  if (auto ok = co_await require_professional(block.professional_id); !ok) co_return ok.error();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Block> {
    auto locked = co_await repository_.lock_professional(tx, block.professional_id);
    if (!locked) co_return locked.error();
    auto added = co_await repository_.insert_block(tx, block);
    if (!added) co_return added.error();
    const audit::AuditEvent event(me.id(), "availability.block_added", added->id, ip);
    auto logged = co_await audit_.record(tx, event);
    if (!logged) co_return logged.error();
    co_return std::move(*added);
  });
}

Async<void> AvailabilityService::remove_block(const Principal& me, const std::string& id,
                                              const std::string& ip) {
  if (!me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    auto removed = co_await repository_.delete_block(tx, id);
    if (!removed) co_return removed.error();
    if (!*removed) co_return Error::not_found("block");
    const audit::AuditEvent event(me.id(), "availability.block_removed", id, ip);
    co_return co_await audit_.record(tx, event);
  });
}

Async<void> AvailabilityService::lock_calendar(core::db::Queryable& tx,
                                              const std::string& professional_id) {
  co_return co_await repository_.lock_professional(tx, professional_id);
}

Async<Calendar> AvailabilityService::calendar(core::db::Queryable& db,
                                              const std::string& professional_id,
                                              Interval window) {
  co_return co_await repository_.calendar(db, professional_id, window);
}

}  // namespace declic::availability
