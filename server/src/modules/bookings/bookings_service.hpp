#pragma once
// Rules for bookings. Access first: a client sees and acts on their own bookings only
// (another's answers 404); staff see all, and alone confirm and decline. A start time is
// accepted only when availability::check_slot finds it free, checked under the
// professional's calendar lock (which blocks and weekly hours take too); the database's
// exclusion constraint then guarantees no overlap. Every change takes the locks in the
// order of core/db/locks.hpp and publishes its event (bookings_events.hpp) in its
// transaction: the project, the audit trail and the mails follow from there.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/db/idempotency.hpp"
#include "core/events/events.hpp"
#include "modules/availability/availability_service.hpp"
#include "modules/bookings/bookings_model.hpp"
#include "modules/services/services_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

#include <memory>

namespace declic::bookings {

using core::Async;
using core::auth::Principal;

struct FreeSlots {
  std::string time_zone;
  std::vector<availability::Interval> slots;
};

struct Transitioned {
  Booking booking;
  std::string project_id;  // of a confirmed booking
};

// Longest reason a booking stores (status_reason).
inline constexpr std::size_t kMaxReasonBytes = 1000;

// Longest span of GET /api/services/{id}/slots.
inline constexpr int kMaxSlotDays = 62;

// Booking requests per hour a client, and an address, may send (staff are exempt).
struct BookingLimits {
  int per_user = 20;
  int per_address = 60;
};

class BookingsRepository;

class BookingsService {
 public:
  struct Imports {
    settings::SettingsService& settings;
    services::ServicesService& services;
    availability::AvailabilityService& availability;
    users::UsersService& users;
  };
  BookingsService(core::db::Pool& db, core::events::Bus& events, const Imports& imports,
                  BookingLimits limits);
  ~BookingsService();

  // Anyone (`me` empty when anonymous); local dates in the studio zone, both included.
  Async<FreeSlots> slots(const Principal* me, const std::string& service_id, core::time::Date from,
                         core::time::Date to);
  // A retried request under the same `idempotency_key` gets the booking the first one made.
  Async<Booking> create(const Principal& me, const NewBooking& request,
                        const std::optional<std::string>& idempotency_key, const std::string& ip);
  Async<BookingPage> list(const Principal& me, BookingQuery query);
  Async<Booking> get(const Principal& me, const std::string& id);
  Async<Transitioned> confirm(const Principal& me, const std::string& id, const std::string& ip);
  // Decline (staff) or cancel (owner or staff): the booking ends and frees its slot.
  Async<Booking> close(const Principal& me, const std::string& id, BookingAction action,
                       const std::optional<std::string>& reason, const std::string& ip);
  // A new start; staff may also give a new end (the length otherwise stays).
  Async<Booking> reschedule(const Principal& me, const std::string& id, const Move& move,
                            const std::string& ip);

  // In the transaction of a project's status change (project.status_changed): a project
  // cancelled by staff cancels its live booking, freeing the slot.
  Async<void> cancel_for_project(core::db::Queryable& tx, const core::events::Event& changed);
  // For other modules (messages, notifications): a booking as stored, whoever asks.
  Async<Booking> find(core::db::Queryable& db, const std::string& id);
  // For the calendar feed: the professional's live bookings starting in `window`.
  Async<std::vector<Booking>> agenda(const std::string& professional_id,
                                     availability::Interval window, int limit);
  // Housekeeping, one batch: requests unanswered past the studio's delay become EXPIRED
  // (freeing their time; notifications tell both sides). Returns how many.
  Async<std::int64_t> expire_requests();

 private:
  struct Studio;
  Async<Studio> studio(core::db::Queryable& db);
  // Everything check_slot and free_slots need for the professional around `window`.
  Async<availability::SlotQuery> slot_query(core::db::Queryable& db, const Studio& studio,
                                            const std::string& professional_id,
                                            const availability::SlotRules& rules,
                                            availability::Interval window,
                                            const std::optional<std::string>& except);
  // 409 slot_taken / slot_too_soon / slot_unavailable unless `start` is a free slot.
  Async<void> check_free(core::db::Queryable& db, const std::string& professional_id,
                         const availability::SlotRules& rules, Instant start,
                         const std::optional<std::string>& except);
  Async<std::string> client_of(const Principal& me, const NewBooking& request);
  // What a client may ask (staff are exempt): requests per hour, and how far ahead.
  Async<void> check_client_limits(const Principal& me, const NewBooking& request,
                                  const std::string& ip);
  Async<void> check_horizon(const Principal& me, Instant start);
  Async<void> check_open_requests(core::db::Queryable& tx, const std::string& client_id);
  Async<bool> expire(const std::string& id);
  Async<Booking> insert(const Principal& me, const NewBooking& request,
                        const std::string& client_id, const services::Service& service,
                        const std::optional<core::db::IdempotencyKey>& key, const std::string& ip);
  // `refusal`, unless a request under `key` succeeded meanwhile: then its booking.
  Async<Booking> refusal_or_replay(const Principal& me,
                                   const std::optional<core::db::IdempotencyKey>& key,
                                   const core::Error& refusal);
  // 409 invalid_transition when change_allowed says no.
  static core::Result<void> check_change(const Principal& me, const Booking& booking,
                                         BookingAction action);
  Async<Transitioned> transition(const Principal& me, const std::string& id, BookingAction action,
                                 const std::optional<std::string>& reason, const std::string& ip);

  core::db::Pool& db_;
  core::events::Bus& events_;
  Imports imports_;
  BookingLimits limits_;
  std::unique_ptr<BookingsRepository> repository_;
};

// A service's duration, buffers and notice; the grid step is the studio's, set by the caller.
availability::SlotRules slot_rules(const services::Service& s);

}  // namespace declic::bookings
