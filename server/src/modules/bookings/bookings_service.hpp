#pragma once
// Rules for bookings. Access first: a client sees and acts on their own bookings only
// (another's answers 404); staff see all, and alone confirm and decline. A start time is
// accepted only when availability::check_slot finds it free, checked under the
// professional's calendar lock (which blocks and weekly hours take too); the database's
// exclusion constraint then guarantees no overlap. Locks are taken calendar → booking →
// project. Every change is mailed (outbox) and audited in its transaction.

#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "modules/audit/audit_service.hpp"
#include "modules/availability/availability_service.hpp"
#include "modules/bookings/bookings_mails.hpp"
#include "modules/bookings/bookings_repository.hpp"
#include "modules/projects/projects_service.hpp"
#include "modules/services/services_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

namespace declic::bookings {

using core::auth::Principal;
template <class T>
using Async = boost::asio::awaitable<core::Result<T>>;

struct FreeSlots {
  std::string time_zone;
  std::vector<availability::Interval> slots;
};

// The reply to a booking request: built once, replayed as is for a repeated Idempotency-Key.
struct Answer {
  int status = 201;
  std::string body;  // JSON
};

struct Confirmed {
  Booking booking;
  std::string project_id;
};

// Longest reason a booking stores (status_reason).
inline constexpr std::size_t kMaxReasonBytes = 1000;

// Longest span of GET /api/services/{id}/slots.
inline constexpr int kMaxSlotDays = 62;

class BookingsService : public projects::BookingLink {
 public:
  BookingsService(core::db::Pool& db, settings::SettingsService& settings,
                  services::ServicesService& services,
                  availability::AvailabilityService& availability, users::UsersService& users,
                  projects::ProjectsService& projects, audit::AuditService& audit)
      : db_(db),
        settings_(settings),
        services_(services),
        availability_(availability),
        users_(users),
        projects_(projects),
        audit_(audit) {}

  // Anyone (`me` empty when anonymous); local dates in the studio zone, both included.
  Async<FreeSlots> slots(const Principal* me, const std::string& service_id,
                         core::time::Date from, core::time::Date to);
  Async<Answer> create(const Principal& me, const NewBooking& request,
                       const std::optional<std::string>& idempotency_key, const std::string& ip);
  Async<BookingPage> list(const Principal& me, BookingQuery query);
  Async<Booking> get(const Principal& me, const std::string& id);
  Async<Confirmed> confirm(const Principal& me, const std::string& id, const std::string& ip);
  // Decline (staff) or cancel (owner or staff): the booking ends and frees its slot.
  Async<Booking> end_booking(const Principal& me, const std::string& id, BookingAction action,
                             const std::optional<std::string>& reason, const std::string& ip);
  Async<Booking> reschedule(const Principal& me, const std::string& id, Instant start,
                            const std::string& ip);

  // projects::BookingLink: a project cancelled through PATCH cancels its booking.
  Async<bool> lock_booking(core::db::Queryable& tx, const std::string& booking_id) override;
  Async<void> cancel_booking(core::db::Queryable& tx, const Principal& me,
                             const std::string& booking_id,
                             const std::optional<std::string>& note,
                             const std::string& ip) override;

 private:
  struct Studio {
    settings::Settings settings;
    core::time::Zone zone;
  };
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
  Async<Answer> insert(const Principal& me, const NewBooking& request,
                       const std::string& client_id, const services::Service& service,
                       const std::optional<std::string>& key, const std::string& request_hash,
                       const std::string& ip);
  // The stored answer to `key`, 422 if it was for another request, nullopt if none.
  Async<std::optional<Answer>> replay(const Principal& me, const std::string& key,
                                      const std::string& request_hash);
  // `refusal`, unless a request under `key` succeeded: then its stored answer.
  Async<Answer> refuse(const Principal& me, const std::optional<std::string>& key,
                       const std::string& request_hash, const core::Error& refusal);
  // 409 invalid_transition when change_allowed says no (locks the project's row).
  Async<void> check_change(core::db::Queryable& tx, const Principal& me, const Booking& booking,
                           BookingAction action);
  Async<Confirmed> transition(const Principal& me, const std::string& id, BookingAction action,
                              const std::optional<std::string>& reason, const std::string& ip);
  Async<void> notify(core::db::Queryable& tx, const Principal& me, const Booking& booking,
                     MailEvent event, const std::optional<std::string>& reason);

  core::db::Pool& db_;
  settings::SettingsService& settings_;
  services::ServicesService& services_;
  availability::AvailabilityService& availability_;
  users::UsersService& users_;
  projects::ProjectsService& projects_;
  audit::AuditService& audit_;
  BookingsRepository repository_;
};

// A service's duration, buffers and notice; the grid step is the studio's, set by the caller.
availability::SlotRules slot_rules(const services::Service& s);

}  // namespace declic::bookings
