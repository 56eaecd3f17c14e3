#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/availability/availability_model.hpp"
#include "modules/bookings/bookings_model.hpp"

namespace declic::bookings {

using core::Async;

// The one answer for a start that another live booking already holds.
core::Error slot_taken();

struct BookingInsert {
  std::string service_id, client_id, professional_id, created_by;
  availability::Interval session, busy;
  std::int64_t price_cents = 0, deposit_cents = 0;
  std::string currency;
  std::optional<std::string> notes;
};

// SQL for bookings. Reads join the service, the client and the project (its id and status).
class BookingsRepository {
 public:
  using Db = core::db::Queryable;
  using Interval = availability::Interval;

  // Both answer conflict "slot_taken" when the busy range overlaps another live booking.
  Async<std::string> insert(Db& tx, const BookingInsert& b);
  Async<void> move(Db& tx, const std::string& id, Interval session, Interval busy);
  Async<void> set_status(Db& tx, const std::string& id, BookingStatus status,
                         const std::optional<std::string>& reason);
  Async<Booking> get(Db& db, const std::string& id);  // 404 inside
  // The booking, its row locked until the transaction ends; 404 inside.
  Async<Booking> lock_row(Db& tx, const std::string& id);
  Async<BookingPage> list(Db& db, const BookingQuery& query);
  // Live bookings of the professional starting in `window`, by start, `limit` at most.
  Async<std::vector<Booking>> agenda(Db& db, const std::string& professional_id, Interval window,
                                     int limit);
  // Requests of `client_id` still waiting for an answer.
  Async<int> open_requests(Db& db, const std::string& client_id);
  // Up to `limit` PENDING bookings older than the studio's expiry delay, oldest first.
  Async<std::vector<std::string>> expired_requests(Db& db, int limit);
  // Busy ranges of the professional's live bookings that overlap `window`, but `except`.
  Async<std::vector<Interval>> busy(Db& db, const std::string& professional_id, Interval window,
                                    const std::optional<std::string>& except);
};

}  // namespace declic::bookings
