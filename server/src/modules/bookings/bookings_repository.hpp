#pragma once
#include "core/db/db.hpp"
#include "modules/availability/slots.hpp"
#include "modules/bookings/bookings_model.hpp"

namespace declic::bookings {

// The one answer for a start that another live booking already holds.
core::Error slot_taken();

struct StoredAnswer {
  std::string request_hash;
  int status = 0;
  std::string body;
};

struct BookingInsert {
  std::string service_id, client_id, professional_id, created_by;
  availability::Interval session, busy;
  std::int64_t price_cents = 0, deposit_cents = 0;
  std::string currency;
  std::optional<std::string> notes;
};

// SQL for bookings and idempotency_keys. Reads join the service and the client.
class BookingsRepository {
 public:
  using Db = core::db::Queryable;
  template <class T>
  using Async = boost::asio::awaitable<core::Result<T>>;
  using Interval = availability::Interval;

  // Both answer conflict "slot_taken" when the busy range overlaps another live booking.
  Async<std::string> insert(Db& tx, const BookingInsert& b);
  Async<void> move(Db& tx, const std::string& id, Interval session, Interval busy);
  Async<void> set_status(Db& tx, const std::string& id, BookingStatus status,
                         const std::optional<std::string>& reason);
  // The booking's status, its row locked until the transaction ends.
  Async<std::optional<BookingStatus>> lock(Db& tx, const std::string& id);
  Async<std::optional<Booking>> find(Db& db, const std::string& id);
  Async<BookingPage> list(Db& db, const BookingQuery& query);
  // Busy ranges of the professional's live bookings that overlap `window`, but `except`.
  Async<std::vector<Interval>> busy(Db& db, const std::string& professional_id, Interval window,
                                    const std::optional<std::string>& except);

  Async<std::optional<StoredAnswer>> find_answer(Db& db, const std::string& user_id,
                                                 const std::string& key);
  // Claims the key for this request; false when another request holds it already.
  Async<bool> claim_key(Db& tx, const std::string& user_id, const std::string& key,
                        const std::string& request_hash);
  Async<void> store_answer(Db& tx, const std::string& user_id, const std::string& key,
                           int status, const std::string& body);
};

}  // namespace declic::bookings
