#include "modules/bookings/bookings_service.hpp"

#include "core/auth/tokens.hpp"
#include "core/db/locks.hpp"
#include "core/db/rate_limit.hpp"
#include "core/error/try.hpp"
#include "core/util/address.hpp"
#include "modules/bookings/bookings_events.hpp"
#include "modules/bookings/bookings_repository.hpp"

namespace declic::bookings {

using availability::Interval;
using availability::SlotCheck;
using core::Error;
using core::Result;
using core::db::IdempotencyKey;
using core::db::LockScope;
namespace chr = std::chrono;

namespace {

constexpr std::string_view kCreateScope = "booking.create";
constexpr int kRequestWindow = 60 * 60;  // booking POSTs are counted per hour
constexpr int kExpireBatch = 50;

Error slot_error(SlotCheck check) {
  switch (check) {
    case SlotCheck::taken:
      return slot_taken();
    case SlotCheck::too_soon:
      return Error::conflict("slot_too_soon", "This time is past or too soon to book.");
    default:
      return Error::conflict("slot_unavailable",
                             "This time is not a free slot (outside working hours, blocked or "
                             "not on the grid).");
  }
}

// What a request is, for comparing it with the first one under the same key.
std::string request_hash(const NewBooking& r, const std::string& client_id) {
  return core::auth::sha256_hex(r.service_id + '\n' +
                                std::to_string(r.start.time_since_epoch().count()) + '\n' +
                                r.notes.value_or("") + '\n' + client_id);
}

Error invalid_transition(BookingStatus from, BookingAction action) {
  return Error::conflict("invalid_transition", "A " + std::string(to_string(from)) +
                                                   " booking cannot be asked to " +
                                                   std::string(to_string(action)) + ".");
}

// Deadlocks and serialization failures that outlived the retries: someone else won.
template <class T>
Result<T> taken_on_retry(Result<T> r) {
  if (!r && r.error().errc == core::Errc::retry) return slot_taken();
  return r;
}

// A service is bookable while active and while its professional's account is.
Result<void> check_bookable(const services::Service& service) {
  if (!service.active || !service.professional_active)
    return Error::validation({{"serviceId", "unknown", "No such service."}});
  return {};
}

}  // namespace

struct BookingsService::Studio {
  settings::Settings settings;
  core::time::Zone zone;
};

BookingsService::BookingsService(core::db::Pool& db, core::events::Bus& events,
                                 const Imports& imports, BookingLimits limits)
    : db_(db),
      events_(events),
      imports_(imports),
      limits_(limits),
      repository_(std::make_unique<BookingsRepository>()) {}
BookingsService::~BookingsService() = default;

availability::SlotRules slot_rules(const services::Service& s) {
  availability::SlotRules r;
  r.duration = chr::minutes(s.duration_minutes);
  r.buffer_before = chr::minutes(s.buffer_before_minutes);
  r.buffer_after = chr::minutes(s.buffer_after_minutes);
  r.min_notice = chr::hours(s.min_notice_hours);
  return r;
}

// ---- free slots ---------------------------------------------------------------------------

Async<BookingsService::Studio> BookingsService::studio(core::db::Queryable& db) {
  DECLIC_CO_TRY(auto settings, co_await imports_.settings.settings(db));
  auto zone = core::time::Zone::find(settings.profile.time_zone);
  if (!zone) co_return Error::internal("The studio time zone is not in the tz database.");
  co_return Studio{std::move(settings), *zone};
}

Async<availability::SlotQuery> BookingsService::slot_query(
    core::db::Queryable& db, const Studio& studio, const std::string& professional_id,
    const availability::SlotRules& rules, Interval window,
    const std::optional<std::string>& except) {
  availability::SlotQuery q{studio.zone, {}, {}, {}, {}, {}, core::time::now(), rules};
  DECLIC_CO_TRY(auto calendar,
                co_await imports_.availability.calendar(db, professional_id, window));
  q.weekly = std::move(calendar.weekly);
  q.blocks = std::move(calendar.blocks);
  if (q.weekly.empty()) co_return q;  // no hours, no slots: skip the other read
  DECLIC_CO_TRY(q.busy, co_await repository_->busy(db, professional_id, window, except));
  co_return q;
}

Async<void> BookingsService::check_free(core::db::Queryable& db, const std::string& professional_id,
                                        const availability::SlotRules& rules, Instant start,
                                        const std::optional<std::string>& except) {
  DECLIC_CO_TRY(auto s, co_await studio(db));
  auto adjusted = rules;
  adjusted.step = chr::minutes(s.settings.slot_step_minutes);
  // check_slot looks at the local day before and after; buffers reach up to a day further.
  const Interval window{start - chr::days(4), start + chr::days(4)};
  DECLIC_CO_TRY(auto q, co_await slot_query(db, s, professional_id, adjusted, window, except));
  const auto check = availability::check_slot(std::move(q), start);
  if (check != SlotCheck::free) co_return slot_error(check);
  co_return Result<void>{};
}

Async<FreeSlots> BookingsService::slots(const Principal* me, const std::string& service_id,
                                        core::time::Date from, core::time::Date to) {
  if (to < from) co_return Error::validation({{"to", "before_from", "On or after `from`."}});
  if (to - from >= chr::days(kMaxSlotDays))
    co_return Error::validation(
        {{"to", "range_too_long", "At most " + std::to_string(kMaxSlotDays) + " days."}});
  DECLIC_CO_TRY(auto service, co_await imports_.services.get(me, service_id));
  const bool staff = me && me->is_staff();
  DECLIC_CO_TRY(auto s, co_await studio(db_));
  const Interval window{Instant(from) - chr::days(3), Instant(to) + chr::days(4)};
  auto rules = slot_rules(service);
  rules.step = chr::minutes(s.settings.slot_step_minutes);
  const std::optional<std::string> no_exception;
  DECLIC_CO_TRY(auto q,
                co_await slot_query(db_, s, service.professional_id, rules, window, no_exception));
  q.from = from;
  q.to = to;
  auto free = availability::free_slots(q);
  if (!staff) {  // clients see what they may book: nothing past the studio's horizon
    const auto horizon = core::time::now() + chr::months(s.settings.booking.horizon_months);
    std::erase_if(free, [&](const Interval& slot) { return slot.start > horizon; });
  }
  co_return FreeSlots{s.settings.profile.time_zone, std::move(free)};
}

// ---- creating -----------------------------------------------------------------------------

// The client the booking is for: the caller, or the active client staff named.
Async<std::string> BookingsService::client_of(const Principal& me, const NewBooking& request) {
  if (!me.is_staff()) {
    if (request.client_id && *request.client_id != me.id())
      co_return Error::forbidden("Clients book for themselves.");
    co_return me.id();
  }
  if (!request.client_id)
    co_return Error::validation({{"clientId", "required", "Staff book for a client."}});
  DECLIC_CO_TRY(auto client, co_await imports_.users.find(db_, *request.client_id));
  if (!client || client->profile.role != core::auth::Role::client || client->disabled)
    co_return Error::validation({{"clientId", "not_client", "Choose an active client."}});
  co_return *request.client_id;
}

Async<void> BookingsService::check_client_limits(const Principal& me, const NewBooking& request,
                                                 const std::string& ip) {
  if (me.is_staff()) co_return Result<void>{};
  using core::db::rate_hit;
  DECLIC_CO_TRY(auto by_user, co_await rate_hit(db_, "booking:user:" + me.id(), kRequestWindow));
  if (by_user.hits > limits_.per_user) co_return Error::rate_limited(by_user.retry_after_seconds);
  DECLIC_CO_TRY(auto by_address,
                co_await rate_hit(db_, "booking:ip:" + core::address_group(ip), kRequestWindow));
  if (by_address.hits > limits_.per_address)
    co_return Error::rate_limited(by_address.retry_after_seconds);
  co_return co_await check_horizon(me, request.start);
}

// Clients book (and move bookings) up to the studio's horizon; staff plan further ahead.
Async<void> BookingsService::check_horizon(const Principal& me, Instant start) {
  if (me.is_staff()) co_return Result<void>{};
  DECLIC_CO_TRY(auto s, co_await studio(db_));
  const int months = s.settings.booking.horizon_months;
  if (start > core::time::now() + chr::months(months))
    co_return Error::validation(
        {{"start", "beyond_horizon",
          "This studio takes bookings up to " + std::to_string(months) + " months ahead."}});
  co_return Result<void>{};
}

Async<Booking> BookingsService::create(const Principal& me, const NewBooking& request,
                                       const std::optional<std::string>& idempotency_key,
                                       const std::string& ip) {
  DECLIC_CO_TRY(auto client_id, co_await client_of(me, request));
  DECLIC_CO_TRYV(co_await check_client_limits(me, request, ip));
  std::optional<IdempotencyKey> key;
  if (idempotency_key) {
    key = IdempotencyKey{me.id(), std::string(kCreateScope), *idempotency_key,
                         request_hash(request, client_id)};
    DECLIC_CO_TRY(auto earlier, co_await core::db::replayed_resource(db_, *key));
    if (earlier) co_return co_await repository_->get(db_, *earlier);
  }
  DECLIC_CO_TRY(auto service, co_await imports_.services.find(db_, request.service_id));
  if (!service) co_return Error::validation({{"serviceId", "unknown", "No such service."}});
  DECLIC_CO_TRYV(check_bookable(*service));
  // Named locals, not temporaries, in co_await expressions (g++ 12; docs/decisions.md).
  const auto rules = slot_rules(*service);
  const std::optional<std::string> no_exception;
  // A first look without the lock: once a slot is taken, contenders are refused without
  // queueing. insert() checks again under the lock; that check is the one that counts.
  auto free =
      co_await check_free(db_, service->professional_id, rules, request.start, no_exception);
  if (!free) {
    const auto refused = free.error();
    co_return co_await refusal_or_replay(me, key, refused);
  }
  auto created = co_await insert(me, request, client_id, *service, key, ip);
  if (created) co_return created;
  // A concurrent twin (same key) may have booked the slot meanwhile: answer as it did.
  const auto refused = created.error();
  co_return co_await refusal_or_replay(me, key, refused);
}

// Under the client's lock: concurrent requests are counted one after the other.
Async<void> BookingsService::check_open_requests(core::db::Queryable& tx,
                                                 const std::string& client_id) {
  DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::requests, client_id));
  DECLIC_CO_TRY(auto s, co_await studio(tx));
  DECLIC_CO_TRY(auto open, co_await repository_->open_requests(tx, client_id));
  if (open >= s.settings.booking.max_open_requests)
    co_return Error::conflict(
        "too_many_open_requests",
        "You already have " + std::to_string(open) + " requests waiting for the studio's answer.");
  co_return Result<void>{};
}

Async<Booking> BookingsService::refusal_or_replay(const Principal& me,
                                                  const std::optional<IdempotencyKey>& key,
                                                  const Error& refusal) {
  if (!key) co_return refusal;
  DECLIC_CO_TRY(auto earlier, co_await core::db::replayed_resource(db_, *key));
  if (!earlier) co_return refusal;
  co_return co_await get(me, *earlier);
}

Async<Booking> BookingsService::insert(const Principal& me, const NewBooking& request,
                                       const std::string& client_id,
                                       const services::Service& service,
                                       const std::optional<IdempotencyKey>& key,
                                       const std::string& ip) {
  BookingInsert row;
  row.service_id = service.id;
  row.client_id = client_id;
  row.professional_id = service.professional_id;
  row.created_by = me.id();
  row.session = {request.start, request.start + chr::minutes(service.duration_minutes)};
  const auto rules = slot_rules(service);
  row.busy = availability::busy_range(request.start, rules);
  row.price_cents = service.price_cents;
  row.deposit_cents = service.deposit_cents;
  row.currency = service.currency;
  row.notes = request.notes;
  const std::optional<std::string> no_exception;
  auto booking = co_await db_.transact([&](core::db::Tx& tx) -> Async<Booking> {
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::calendar, row.professional_id));
    // Under the calendar lock: no block, hours change or booking can slip in between.
    DECLIC_CO_TRYV(
        co_await check_free(tx, row.professional_id, rules, request.start, no_exception));
    if (!me.is_staff()) DECLIC_CO_TRYV(co_await check_open_requests(tx, client_id));
    DECLIC_CO_TRY(auto id, co_await repository_->insert(tx, row));
    if (key) DECLIC_CO_TRYV(co_await core::db::remember(tx, *key, id));
    DECLIC_CO_TRY(auto created, co_await repository_->get(tx, id));
    const auto event = requested_event(created, cause_of(me, ip));
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    co_return created;
  });
  co_return taken_on_retry(std::move(booking));
}

// ---- reading ------------------------------------------------------------------------------

Async<BookingPage> BookingsService::list(const Principal& me, BookingQuery query) {
  if (!me.is_staff()) query.client_id = me.id();
  if (query.from_date || query.to_date) {
    DECLIC_CO_TRY(auto s, co_await studio(db_));
    if (query.from_date) query.from = s.zone.to_instant(*query.from_date, 0);
    if (query.to_date) query.to = s.zone.to_instant(*query.to_date + chr::days(1), 0);
  }
  co_return co_await repository_->list(db_, query);
}

Async<Booking> BookingsService::get(const Principal& me, const std::string& id) {
  DECLIC_CO_TRY(auto booking, co_await repository_->get(db_, id));
  if (!me.is_staff() && booking.client.id != me.id()) co_return Error::not_found("booking");
  co_return booking;
}

Async<Booking> BookingsService::find(core::db::Queryable& db, const std::string& id) {
  co_return co_await repository_->get(db, id);
}

Async<std::vector<Booking>> BookingsService::agenda(const std::string& professional_id,
                                                    availability::Interval window, int limit) {
  co_return co_await repository_->agenda(db_, professional_id, window, limit);
}

// ---- changing -----------------------------------------------------------------------------

Result<void> BookingsService::check_change(const Principal& me, const Booking& booking,
                                           BookingAction action) {
  const bool started = core::time::now() >= booking.start;
  if (change_allowed(action, !me.is_staff(), started, booking.project_status)) return {};
  std::string why = started ? "This session has begun" : "This booking's project has moved on";
  if (booking.project_status && me.is_staff())
    why = "This booking's project is " + std::string(projects::to_string(*booking.project_status));
  return Error::conflict("invalid_transition", why + ": it can no longer be asked to " +
                                                   std::string(to_string(action)) + ".");
}

Async<Transitioned> BookingsService::confirm(const Principal& me, const std::string& id,
                                             const std::string& ip) {
  const std::optional<std::string> no_reason;
  co_return co_await transition(me, id, BookingAction::confirm, no_reason, ip);
}

Async<Booking> BookingsService::close(const Principal& me, const std::string& id,
                                      BookingAction action,
                                      const std::optional<std::string>& reason,
                                      const std::string& ip) {
  DECLIC_CO_TRY(auto done, co_await transition(me, id, action, reason, ip));
  co_return std::move(done.booking);
}

Async<Transitioned> BookingsService::transition(const Principal& me, const std::string& id,
                                                BookingAction action,
                                                const std::optional<std::string>& reason,
                                                const std::string& ip) {
  DECLIC_CO_TRYV(co_await get(me, id));  // 404 before 403: never reveal others' bookings
  const bool staff_only = action == BookingAction::confirm || action == BookingAction::decline;
  if (staff_only && !me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Transitioned> {
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::booking, id));
    DECLIC_CO_TRY(auto current, co_await repository_->lock_row(tx, id));
    const auto next = next_status(current.status, action);
    if (!next) co_return invalid_transition(current.status, action);
    DECLIC_CO_TRYV(check_change(me, current, action));
    DECLIC_CO_TRYV(co_await repository_->set_status(tx, id, *next, reason));
    current.status = *next;
    const auto event = booking_event(action, current, cause_of(me, ip), reason);
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    DECLIC_CO_TRY(auto booking, co_await repository_->get(tx, id));  // with its new project
    auto project_id = booking.project_id.value_or("");
    co_return Transitioned{std::move(booking), std::move(project_id)};
  });
}

Async<Booking> BookingsService::reschedule(const Principal& me, const std::string& id,
                                           const Move& move, const std::string& ip) {
  DECLIC_CO_TRY(auto visible, co_await get(me, id));  // 404 for others' bookings
  if (move.end && !me.is_staff()) co_return Error::forbidden("Only the studio changes a length.");
  const auto start = move.start;
  DECLIC_CO_TRYV(co_await check_horizon(me, start));
  auto moved = co_await db_.transact([&](core::db::Tx& tx) -> Async<Booking> {
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::calendar, visible.professional_id));
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::booking, id));
    DECLIC_CO_TRY(auto current, co_await repository_->lock_row(tx, id));
    if (!next_status(current.status, BookingAction::reschedule))
      co_return Error::conflict("invalid_transition", "Only a pending or confirmed booking moves.");
    DECLIC_CO_TRYV(check_change(me, current, BookingAction::reschedule));
    DECLIC_CO_TRY(auto service, co_await imports_.services.find(tx, current.service.id));
    if (!service) co_return Error::not_found("booking");
    // The booked length stays unless staff give a new end; buffers and notice follow the service.
    auto rules = slot_rules(*service);
    const auto end = move.end.value_or(start + (current.end - current.start));
    rules.duration = chr::duration_cast<chr::minutes>(end - start);
    const std::optional<std::string> except = id;
    DECLIC_CO_TRYV(co_await check_free(tx, current.professional_id, rules, start, except));
    const Interval session{start, start + rules.duration};
    const auto busy = availability::busy_range(start, rules);
    DECLIC_CO_TRYV(co_await repository_->move(tx, id, session, busy));
    DECLIC_CO_TRY(auto booking, co_await repository_->get(tx, id));
    const std::optional<std::string> no_reason;
    const auto event =
        booking_event(BookingAction::reschedule, booking, cause_of(me, ip), no_reason);
    DECLIC_CO_TRYV(co_await events_.publish(tx, event));
    co_return booking;
  });
  co_return taken_on_retry(std::move(moved));
}

Async<void> BookingsService::cancel_for_project(core::db::Queryable& tx,
                                                const core::events::Event& changed) {
  using core::events::text_of;
  const auto booking_id = text_of(changed.data, "bookingId");
  if (text_of(changed.data, "to") != "CANCELLED" || !booking_id) co_return Result<void>{};
  DECLIC_CO_TRY(auto current, co_await repository_->lock_row(tx, *booking_id));
  if (!next_status(current.status, BookingAction::cancel)) co_return Result<void>{};
  // A project note may be longer than a booking's reason may be.
  auto reason = text_of(changed.data, "note");
  if (reason && reason->size() > kMaxReasonBytes) reason.reset();
  const auto& id = *booking_id;
  DECLIC_CO_TRYV(co_await repository_->set_status(tx, id, BookingStatus::cancelled, reason));
  current.status = BookingStatus::cancelled;
  // Staff cancelled the project: the booking is cancelled on their behalf.
  const Cause cause{changed.actor_id, changed.ip, false};
  const auto event = booking_event(BookingAction::cancel, current, cause, reason);
  co_return co_await events_.publish(tx, event);
}

// ---- expiry ---------------------------------------------------------------------------------

Async<std::int64_t> BookingsService::expire_requests() {
  DECLIC_CO_TRY(auto ids, co_await repository_->expired_requests(db_, kExpireBatch));
  std::int64_t expired = 0;
  for (const auto& id : ids) {
    DECLIC_CO_TRY(bool done, co_await expire(id));
    expired += done;
  }
  co_return expired;
}

// Under the booking's lock, the request is looked at again: another server may have expired
// it, or staff confirmed it, in the meantime. Each request expires once.
Async<bool> BookingsService::expire(const std::string& id) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<bool> {
    DECLIC_CO_TRYV(co_await core::db::lock(tx, LockScope::booking, id));
    DECLIC_CO_TRY(auto current, co_await repository_->lock_row(tx, id));
    if (!next_status(current.status, BookingAction::expire)) co_return false;
    const std::optional<std::string> no_reason;
    DECLIC_CO_TRYV(co_await repository_->set_status(tx, id, BookingStatus::expired, no_reason));
    current.status = BookingStatus::expired;
    const Cause nobody;  // the studio's delay ran out; no one acted
    DECLIC_CO_TRYV(co_await events_.publish(
        tx, booking_event(BookingAction::expire, current, nobody, no_reason)));
    co_return true;
  });
}

}  // namespace declic::bookings
