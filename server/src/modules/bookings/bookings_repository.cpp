#include "modules/bookings/bookings_repository.hpp"

#include "core/util/cursor.hpp"

namespace declic::bookings {

namespace db = core::db;
using core::Error;

namespace {

#define BOOKING_COLUMNS                                                                       \
  "b.id, b.status, extract(epoch FROM b.starts_at)::bigint,"                                 \
  " extract(epoch FROM b.ends_at)::bigint, s.id, s.name, s.duration_minutes, c.id,"          \
  " c.first_name, c.last_name, c.email, c.locale, b.professional_id, b.price_cents,"          \
  " b.deposit_cents, b.currency, b.notes, b.status_reason, p.id, rfc3339(b.created_at),"     \
  " rfc3339(b.updated_at)"
#define BOOKING_FROM                                                                          \
  " FROM bookings b JOIN services s ON s.id = b.service_id JOIN users c ON c.id = b.client_id" \
  " LEFT JOIN projects p ON p.booking_id = b.id"
#define LIVE "b.status IN ('PENDING', 'CONFIRMED')"

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
constexpr db::Statement kLock{
    "bookings_lock",
    "SELECT status FROM bookings WHERE id = $1::uuid FOR UPDATE"};
constexpr db::Statement kFind{"bookings_find",
                              "SELECT " BOOKING_COLUMNS BOOKING_FROM " WHERE b.id = $1::uuid"};
// By start time; the cursor is the last row's (start, id).
constexpr db::Statement kList{
    "bookings_list",
    "SELECT " BOOKING_COLUMNS BOOKING_FROM
    " WHERE ($1::uuid IS NULL OR b.client_id = $1::uuid) AND ($2::text IS NULL OR b.status = $2)"
    "   AND ($3::bigint IS NULL OR b.starts_at >= to_timestamp($3))"
    "   AND ($4::bigint IS NULL OR b.starts_at < to_timestamp($4))"
    "   AND ($5::bigint IS NULL OR (b.starts_at, b.id) > (to_timestamp($5), $6::uuid))"
    " ORDER BY b.starts_at, b.id LIMIT $7"};
// The same, latest start first (a client's overview: upcoming and recent sessions first).
constexpr db::Statement kListNewest{
    "bookings_list_newest",
    "SELECT " BOOKING_COLUMNS BOOKING_FROM
    " WHERE ($1::uuid IS NULL OR b.client_id = $1::uuid) AND ($2::text IS NULL OR b.status = $2)"
    "   AND ($3::bigint IS NULL OR b.starts_at >= to_timestamp($3))"
    "   AND ($4::bigint IS NULL OR b.starts_at < to_timestamp($4))"
    "   AND ($5::bigint IS NULL OR (b.starts_at, b.id) < (to_timestamp($5), $6::uuid))"
    " ORDER BY b.starts_at DESC, b.id DESC LIMIT $7"};
constexpr db::Statement kBusy{
    "bookings_busy",
    "SELECT extract(epoch FROM b.busy_start)::bigint, extract(epoch FROM b.busy_end)::bigint"
    " FROM bookings b WHERE b.professional_id = $1::uuid AND " LIVE
    // The exclusion constraint's expression, so its GiST index serves the query.
    " AND tstzrange(b.busy_start, b.busy_end, '[)')"
    "     && tstzrange(to_timestamp($2), to_timestamp($3), '[)')"
    " AND ($4::uuid IS NULL OR b.id <> $4::uuid)"};
constexpr db::Statement kFindAnswer{
    "idempotency_find",
    "SELECT request_hash, status, body FROM idempotency_keys WHERE user_id = $1::uuid AND key = $2"};
constexpr db::Statement kClaimKey{
    "idempotency_claim",
    "INSERT INTO idempotency_keys (user_id, key, request_hash, status, body)"
    " VALUES ($1::uuid, $2, $3, 0, '') ON CONFLICT DO NOTHING"};
constexpr db::Statement kStoreAnswer{
    "idempotency_store",
    "UPDATE idempotency_keys SET status = $3, body = $4 WHERE user_id = $1::uuid AND key = $2"};

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
  return b;
}

// The exclusion constraint is the last word on overlaps, whatever the checks before it saw.
Error overlap_as_taken(Error e) {
  if (e.constraint == "bookings_no_overlap") return slot_taken();
  return e;
}

}  // namespace

Error slot_taken() { return Error::conflict("slot_taken", "This time is no longer free."); }

BookingsRepository::Async<std::string> BookingsRepository::insert(Db& tx, const BookingInsert& b) {
  auto rows = co_await tx.query(
      kInsert, db::params(b.service_id, b.client_id, b.professional_id, b.created_by,
                          epoch(b.session.start), epoch(b.session.end), epoch(b.busy.start),
                          epoch(b.busy.end), b.price_cents, b.deposit_cents, b.currency, b.notes));
  if (!rows) co_return overlap_as_taken(rows.error());
  co_return (*rows)[0].get<std::string>(0);
}

BookingsRepository::Async<void> BookingsRepository::move(Db& tx, const std::string& id,
                                                         Interval session, Interval busy) {
  auto rows = co_await tx.query(kMove, db::params(id, epoch(session.start), epoch(session.end),
                                                  epoch(busy.start), epoch(busy.end)));
  if (!rows) co_return overlap_as_taken(rows.error());
  co_return core::Result<void>{};
}

BookingsRepository::Async<void> BookingsRepository::set_status(
    Db& tx, const std::string& id, BookingStatus status, const std::optional<std::string>& reason) {
  co_return db::completed(
      co_await tx.query(kSetStatus, db::params(id, std::string(to_string(status)), reason)));
}

BookingsRepository::Async<std::optional<BookingStatus>> BookingsRepository::lock(
    Db& tx, const std::string& id) {
  if (!core::is_uuid(id)) co_return std::optional<BookingStatus>{};
  auto rows = co_await tx.query(kLock, db::params(id));
  if (!rows) co_return rows.error();
  if (rows->empty()) co_return std::optional<BookingStatus>{};
  co_return booking_status_from((*rows)[0].text(0));
}

BookingsRepository::Async<std::optional<Booking>> BookingsRepository::find(
    Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return std::optional<Booking>{};
  auto rows = co_await db.query(kFind, db::params(id));
  if (!rows) co_return rows.error();
  if (rows->empty()) co_return std::optional<Booking>{};
  co_return decode((*rows)[0]);
}

BookingsRepository::Async<BookingPage> BookingsRepository::list(Db& db, const BookingQuery& q) {
  std::optional<std::string> status;
  std::optional<std::int64_t> from, to;
  if (q.status) status = std::string(to_string(*q.status));
  if (q.from) from = epoch(*q.from);
  if (q.to) to = epoch(*q.to);
  auto cursor = core::cursor_params(q.cursor);
  if (!cursor) co_return cursor.error();
  const auto& statement = q.newest_first ? kListNewest : kList;
  auto rows = co_await db.query(
      statement, db::params(q.client_id, status, from, to, cursor->key, cursor->id, q.limit + 1));
  if (!rows) co_return rows.error();
  BookingPage page;
  for (int i = 0; i < rows->size() && i < q.limit; ++i) page.items.push_back(decode((*rows)[i]));
  if (rows->size() > q.limit)
    page.next_cursor = core::encode_cursor(epoch(page.items.back().start), page.items.back().id);
  co_return page;
}

BookingsRepository::Async<std::vector<availability::Interval>> BookingsRepository::busy(
    Db& db, const std::string& professional_id, Interval window,
    const std::optional<std::string>& except) {
  auto rows = co_await db.query(
      kBusy, db::params(professional_id, epoch(window.start), epoch(window.end), except));
  if (!rows) co_return rows.error();
  std::vector<Interval> out;
  out.reserve(rows->size());
  for (int i = 0; i < rows->size(); ++i) {
    const auto r = (*rows)[i];
    out.push_back({instant(r.get<std::int64_t>(0)), instant(r.get<std::int64_t>(1))});
  }
  co_return out;
}

BookingsRepository::Async<std::optional<StoredAnswer>> BookingsRepository::find_answer(
    Db& db, const std::string& user_id, const std::string& key) {
  auto rows = co_await db.query(kFindAnswer, db::params(user_id, key));
  if (!rows) co_return rows.error();
  if (rows->empty()) co_return std::optional<StoredAnswer>{};
  const auto r = (*rows)[0];
  co_return StoredAnswer{r.get<std::string>(0), r.get<int>(1), r.get<std::string>(2)};
}

BookingsRepository::Async<bool> BookingsRepository::claim_key(Db& tx, const std::string& user_id,
                                                              const std::string& key,
                                                              const std::string& request_hash) {
  auto rows = co_await tx.query(kClaimKey, db::params(user_id, key, request_hash));
  if (!rows) co_return rows.error();
  co_return rows->affected() == 1;
}

BookingsRepository::Async<void> BookingsRepository::store_answer(Db& tx,
                                                                 const std::string& user_id,
                                                                 const std::string& key,
                                                                 int status,
                                                                 const std::string& body) {
  co_return db::completed(co_await tx.query(kStoreAnswer, db::params(user_id, key, status, body)));
}

}  // namespace declic::bookings
