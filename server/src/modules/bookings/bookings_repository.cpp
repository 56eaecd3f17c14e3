#include "modules/bookings/bookings_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

namespace declic::bookings {

namespace db = core::db;
using core::Error;

namespace {

// The columns decode() reads, in its order.
#define BOOKING_COLUMNS                                                                  \
  "b.id, b.status, extract(epoch FROM b.starts_at)::bigint,"                             \
  " extract(epoch FROM b.ends_at)::bigint, s.id, s.name, s.duration_minutes, c.id,"      \
  " c.first_name, c.last_name, c.email, c.locale, b.professional_id, b.price_cents,"     \
  " b.deposit_cents, b.currency, b.notes, b.status_reason, p.id, rfc3339(b.created_at)," \
  " rfc3339(b.updated_at), p.status"
#define BOOKING_FROM                                                                           \
  " FROM bookings b JOIN services s ON s.id = b.service_id JOIN users c ON c.id = b.client_id" \
  " LEFT JOIN projects p ON p.booking_id = b.id"
// By start time; the cursor is the last row's (start, id): after it, or before it newest first.
#define BOOKING_LIST(after, order)                                                              \
  "SELECT " BOOKING_COLUMNS BOOKING_FROM                                                        \
  " WHERE ($1::uuid IS NULL OR b.client_id = $1::uuid) AND ($2::text IS NULL OR b.status = $2)" \
  "   AND ($3::bigint IS NULL OR b.starts_at >= to_timestamp($3))"                              \
  "   AND ($4::bigint IS NULL OR b.starts_at < to_timestamp($4))"                               \
  "   AND ($5::bigint IS NULL OR (b.starts_at, b.id) " after                                    \
  " (to_timestamp($5), $6::uuid))"                                                              \
  " ORDER BY " order " LIMIT $7"

constexpr db::Statement kInsert{
    "bookings_insert",
    "INSERT INTO bookings (service_id, client_id, professional_id, created_by, starts_at,"
    " ends_at, busy_start, busy_end, price_cents, deposit_cents, currency, notes)"
    " VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, to_timestamp($5), to_timestamp($6),"
    " to_timestamp($7), to_timestamp($8), $9, $10, $11, $12) RETURNING id"};
constexpr db::Statement kMove{
    "bookings_move",
    "UPDATE bookings SET starts_at = to_timestamp($2), ends_at = to_timestamp($3),"
    " busy_start = to_timestamp($4), busy_end = to_timestamp($5), updated_at = now()"
    " WHERE id = $1::uuid"};
constexpr db::Statement kSetStatus{
    "bookings_set_status",
    "UPDATE bookings SET status = $2, status_reason = $3, updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kFind{"bookings_find",
                              "SELECT " BOOKING_COLUMNS BOOKING_FROM " WHERE b.id = $1::uuid"};
constexpr db::Statement kLockRow{"bookings_lock_row", "SELECT " BOOKING_COLUMNS BOOKING_FROM
                                                      " WHERE b.id = $1::uuid FOR UPDATE OF b"};
constexpr db::Statement kList{"bookings_list", BOOKING_LIST(">", "b.starts_at, b.id")};
// The same, latest start first (a client's overview: upcoming and recent sessions first).
constexpr db::Statement kListNewest{"bookings_list_newest",
                                    BOOKING_LIST("<", "b.starts_at DESC, b.id DESC")};
constexpr db::Statement kOpenRequests{
    "bookings_open_requests",
    "SELECT count(*)::int FROM bookings WHERE client_id = $1::uuid AND status = 'PENDING'"};
constexpr db::Statement kExpiredRequests{
    "bookings_expired_requests",
    "SELECT b.id FROM bookings b, settings s WHERE s.id AND b.status = 'PENDING'"
    " AND b.created_at < now() - make_interval(hours => s.request_expiry_hours)"
    " ORDER BY b.created_at LIMIT $1"};
constexpr db::Statement kBusy{
    "bookings_busy",
    "SELECT extract(epoch FROM b.busy_start)::bigint, extract(epoch FROM b.busy_end)::bigint"
    " FROM bookings b WHERE b.professional_id = $1::uuid AND b.status IN ('PENDING', 'CONFIRMED')"
    // The exclusion constraint's expression, so its GiST index serves the query.
    " AND tstzrange(b.busy_start, b.busy_end, '[)')"
    "     && tstzrange(to_timestamp($2), to_timestamp($3), '[)')"
    " AND ($4::uuid IS NULL OR b.id <> $4::uuid)"};
// A professional's live sessions starting in a window: their calendar feed.
constexpr db::Statement kAgenda{
    "bookings_agenda",
    "SELECT " BOOKING_COLUMNS BOOKING_FROM
    " WHERE b.professional_id = $1::uuid AND b.status IN ('PENDING', 'CONFIRMED')"
    " AND b.starts_at >= to_timestamp($2) AND b.starts_at < to_timestamp($3)"
    " ORDER BY b.starts_at, b.id LIMIT $4"};

#undef BOOKING_LIST
#undef BOOKING_FROM
#undef BOOKING_COLUMNS

using core::time::epoch;
using core::time::instant;

Booking decode(const db::Row& r) {
  Booking b;
  b.id = r.get<std::string>(0);
  b.status = booking_status_from(r.text(1)).value_or(BookingStatus::cancelled);
  b.start = instant(r.get<std::int64_t>(2));
  b.end = instant(r.get<std::int64_t>(3));
  b.service.id = r.get<std::string>(4);
  b.service.name = r.get<std::string>(5);
  b.service.duration_minutes = r.get<int>(6);
  b.client = {r.get<std::string>(7), r.get<std::string>(8), r.get<std::string>(9),
              r.get<std::string>(10), r.get<std::string>(11)};
  b.professional_id = r.get<std::string>(12);
  b.price_cents = r.get<std::int64_t>(13);
  b.deposit_cents = r.get<std::int64_t>(14);
  b.currency = r.get<std::string>(15);
  b.notes = r.get<std::optional<std::string>>(16);
  b.status_reason = r.get<std::optional<std::string>>(17);
  b.project_id = r.get<std::optional<std::string>>(18);
  b.created_at = r.get<std::string>(19);
  b.updated_at = r.get<std::string>(20);
  if (!r.is_null(21)) b.project_status = projects::project_status_from(r.text(21));
  return b;
}

Error no_booking() {
  return Error::not_found("booking");
}

// The exclusion constraint is the last word on overlaps, whatever the checks before it saw.
Error overlap_as_taken(Error e) {
  if (e.constraint == "bookings_no_overlap") return slot_taken();
  return e;
}

Async<Booking> one(Async<db::Rows> query) {
  DECLIC_CO_TRY(auto rows, co_await std::move(query));
  if (rows.empty()) co_return no_booking();
  co_return decode(rows[0]);
}

}  // namespace

Error slot_taken() {
  return Error::conflict("slot_taken", "This time is no longer free.");
}

Async<std::string> BookingsRepository::insert(Db& tx, const BookingInsert& b) {
  auto rows = co_await tx.query(
      kInsert, db::params(b.service_id, b.client_id, b.professional_id, b.created_by,
                          epoch(b.session.start), epoch(b.session.end), epoch(b.busy.start),
                          epoch(b.busy.end), b.price_cents, b.deposit_cents, b.currency, b.notes));
  if (!rows) co_return overlap_as_taken(rows.error());
  co_return (*rows)[0].get<std::string>(0);
}

Async<void> BookingsRepository::move(Db& tx, const std::string& id, Interval session,
                                     Interval busy) {
  auto rows = co_await tx.query(kMove, db::params(id, epoch(session.start), epoch(session.end),
                                                  epoch(busy.start), epoch(busy.end)));
  if (!rows) co_return overlap_as_taken(rows.error());
  co_return core::Result<void>{};
}

Async<void> BookingsRepository::set_status(Db& tx, const std::string& id, BookingStatus status,
                                           const std::optional<std::string>& reason) {
  co_return db::completed(
      co_await tx.query(kSetStatus, db::params(id, std::string(to_string(status)), reason)));
}

Async<Booking> BookingsRepository::get(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_booking();
  co_return co_await one(db.query(kFind, db::params(id)));
}

Async<Booking> BookingsRepository::lock_row(Db& tx, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_booking();
  co_return co_await one(tx.query(kLockRow, db::params(id)));
}

Async<BookingPage> BookingsRepository::list(Db& db, const BookingQuery& q) {
  std::optional<std::string> status;
  std::optional<std::int64_t> from, to, after_key;
  std::optional<std::string> after_id;
  if (q.status) status = std::string(to_string(*q.status));
  if (q.from) from = epoch(*q.from);
  if (q.to) to = epoch(*q.to);
  if (q.cursor) {
    after_key = q.cursor->key;
    after_id = q.cursor->id;
  }
  const auto& statement = q.newest_first ? kListNewest : kList;
  DECLIC_CO_TRY(auto rows,
                co_await db.query(statement, db::params(q.client_id, status, from, to, after_key,
                                                        after_id, q.limit + 1)));
  BookingPage page;
  for (int i = 0; i < rows.size() && i < q.limit; ++i) page.items.push_back(decode(rows[i]));
  if (rows.size() > q.limit)
    page.next_cursor = core::encode_cursor(epoch(page.items.back().start), page.items.back().id);
  co_return page;
}

Async<std::vector<Booking>> BookingsRepository::agenda(Db& db, const std::string& professional_id,
                                                       Interval window, int limit) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kAgenda, db::params(professional_id, epoch(window.start),
                                                      epoch(window.end), limit)));
  std::vector<Booking> out;
  out.reserve(rows.size());
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode(rows[i]));
  co_return out;
}

Async<int> BookingsRepository::open_requests(Db& db, const std::string& client_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kOpenRequests, db::params(client_id)));
  co_return rows[0].get<int>(0);
}

Async<std::vector<std::string>> BookingsRepository::expired_requests(Db& db, int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kExpiredRequests, db::params(limit)));
  std::vector<std::string> ids;
  for (int i = 0; i < rows.size(); ++i) ids.push_back(rows[i].get<std::string>(0));
  co_return ids;
}

Async<std::vector<availability::Interval>> BookingsRepository::busy(
    Db& db, const std::string& professional_id, Interval window,
    const std::optional<std::string>& except) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kBusy, db::params(professional_id, epoch(window.start),
                                                               epoch(window.end), except)));
  std::vector<Interval> out;
  out.reserve(rows.size());
  for (int i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    out.push_back({instant(r.get<std::int64_t>(0)), instant(r.get<std::int64_t>(1))});
  }
  co_return out;
}

}  // namespace declic::bookings
