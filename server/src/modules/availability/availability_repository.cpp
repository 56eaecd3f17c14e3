#include "modules/availability/availability_repository.hpp"

#include "core/error/try.hpp"

#include "core/util/uuid.hpp"

namespace declic::availability {

namespace db = core::db;

namespace {

#define BLOCK_COLUMNS                                           \
  "id, professional_id, extract(epoch FROM starts_at)::bigint," \
  " extract(epoch FROM ends_at)::bigint, reason, rfc3339(created_at)"

constexpr db::Statement kWeekly{"availability_weekly",
                                "SELECT weekday, start_minute, end_minute FROM working_hours"
                                " WHERE professional_id = $1::uuid ORDER BY weekday, start_minute"};
constexpr db::Statement kDeleteWeekly{"availability_weekly_delete",
                                      "DELETE FROM working_hours WHERE professional_id = $1::uuid"};
// Arrays as parameters: one statement for any number of ranges.
constexpr db::Statement kInsertWeekly{
    "availability_weekly_insert",
    "INSERT INTO working_hours (professional_id, weekday, start_minute, end_minute)"
    " SELECT $1::uuid, w, s, e FROM unnest($2::smallint[], $3::int[], $4::int[]) AS t(w, s, e)"};
constexpr db::Statement kBlocks{"availability_blocks",
                                "SELECT " BLOCK_COLUMNS
                                " FROM availability_blocks WHERE professional_id = $1::uuid"
                                " AND ends_at > to_timestamp($2) AND starts_at < to_timestamp($3)"
                                " ORDER BY starts_at, id LIMIT 1000"};
constexpr db::Statement kCalendar{
    "availability_calendar",
    "SELECT 0, weekday::bigint, start_minute::bigint, end_minute::bigint FROM working_hours"
    " WHERE professional_id = $1::uuid"
    " UNION ALL SELECT 1, 0, extract(epoch FROM starts_at)::bigint,"
    " extract(epoch FROM ends_at)::bigint FROM availability_blocks"
    " WHERE professional_id = $1::uuid AND ends_at > to_timestamp($2)"
    " AND starts_at < to_timestamp($3)"};
constexpr db::Statement kInsertBlock{
    "availability_block_insert",
    "INSERT INTO availability_blocks (professional_id, starts_at, ends_at, reason)"
    " VALUES ($1::uuid, to_timestamp($2), to_timestamp($3), $4) RETURNING " BLOCK_COLUMNS};
constexpr db::Statement kDeleteBlock{
    "availability_block_delete",
    "DELETE FROM availability_blocks WHERE id = $1::uuid RETURNING " BLOCK_COLUMNS};

using core::time::epoch;
using core::time::instant;

Block decode_block(const db::Row& r) {
  return Block{r.get<std::string>(0), r.get<std::string>(1),
               Interval{instant(r.get<std::int64_t>(2)), instant(r.get<std::int64_t>(3))},
               r.get<std::string>(4), r.get<std::string>(5)};
}

std::string int_array(const std::vector<WeeklyRange>& ranges, int WeeklyRange::*field) {
  std::string out = "{";
  for (std::size_t i = 0; i < ranges.size(); ++i)
    out += (i ? "," : "") + std::to_string(ranges[i].*field);
  return out + "}";
}

}  // namespace

AvailabilityRepository::Async<std::vector<WeeklyRange>> AvailabilityRepository::weekly(
    Db& db, const std::string& professional_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kWeekly, db::params(professional_id)));
  std::vector<WeeklyRange> out;
  for (int i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    out.push_back({r.get<int>(0), r.get<int>(1), r.get<int>(2)});
  }
  co_return out;
}

AvailabilityRepository::Async<void> AvailabilityRepository::replace_weekly(
    Db& tx, const std::string& professional_id, const std::vector<WeeklyRange>& ranges) {
  DECLIC_CO_TRYV(co_await tx.query(kDeleteWeekly, db::params(professional_id)));
  if (ranges.empty()) co_return core::Result<void>{};
  co_return db::completed(co_await tx.query(
      kInsertWeekly, db::params(professional_id, int_array(ranges, &WeeklyRange::weekday),
                                int_array(ranges, &WeeklyRange::start_minute),
                                int_array(ranges, &WeeklyRange::end_minute))));
}

AvailabilityRepository::Async<std::vector<Block>> AvailabilityRepository::blocks(
    Db& db, const std::string& professional_id, Instant after, Instant before) {
  DECLIC_CO_TRY(auto rows, co_await db.query(
                               kBlocks, db::params(professional_id, epoch(after), epoch(before))));
  std::vector<Block> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_block(rows[i]));
  co_return out;
}

AvailabilityRepository::Async<Calendar> AvailabilityRepository::calendar(
    Db& db, const std::string& professional_id, Interval window) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kCalendar, db::params(professional_id, epoch(window.start),
                                                        epoch(window.end))));
  Calendar out;
  for (int i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    const auto a = r.get<std::int64_t>(2), b = r.get<std::int64_t>(3);
    if (r.get<int>(0) == 0)
      out.weekly.push_back({r.get<int>(1), static_cast<int>(a), static_cast<int>(b)});
    else
      out.blocks.push_back({instant(a), instant(b)});
  }
  co_return out;
}

AvailabilityRepository::Async<Block> AvailabilityRepository::insert_block(Db& db, const Block& b) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kInsertBlock, db::params(b.professional_id, epoch(b.period.start),
                                                           epoch(b.period.end), b.reason)));
  co_return decode_block(rows[0]);
}

AvailabilityRepository::Async<Block> AvailabilityRepository::delete_block(Db& db,
                                                                          const std::string& id) {
  if (!core::is_uuid(id)) co_return core::Error::not_found("block");
  DECLIC_CO_TRY(auto rows, co_await db.query(kDeleteBlock, db::params(id)));
  if (rows.empty()) co_return core::Error::not_found("block");
  co_return decode_block(rows[0]);
}

}  // namespace declic::availability
