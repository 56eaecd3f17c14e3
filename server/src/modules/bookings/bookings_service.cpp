#include "modules/bookings/bookings_service.hpp"

#include "core/auth/tokens.hpp"
#include "core/log/log.hpp"

#include <boost/json.hpp>

#include <array>

namespace declic::bookings {

using availability::Interval;
using availability::SlotCheck;
using core::Error;
using core::Result;
namespace chr = std::chrono;

namespace {

constexpr std::array<std::string_view, 4> kStatusNames{"PENDING", "CONFIRMED", "DECLINED",
                                                       "CANCELLED"};
constexpr std::array<std::string_view, 4> kActionNames{"confirm", "decline", "cancel",
                                                       "reschedule"};

Error no_booking() { return Error::not_found("booking"); }

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

Error reused_key() {
  return Error::validation({{"Idempotency-Key", "reused",
                             "This key was used for another request."}});
}

// What a request is, for comparing it with the first one under the same key.
std::string request_hash(const NewBooking& r, const std::string& client_id) {
  return core::auth::sha256_hex(r.service_id + '\n' +
                                std::to_string(r.start.time_since_epoch().count()) + '\n' +
                                r.notes.value_or("") + '\n' + client_id);
}

}  // namespace

std::string_view to_string(BookingStatus s) { return kStatusNames[static_cast<std::size_t>(s)]; }
std::string_view to_string(BookingAction a) { return kActionNames[static_cast<std::size_t>(a)]; }

std::optional<BookingStatus> booking_status_from(std::string_view text) {
  for (std::size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == text) return static_cast<BookingStatus>(i);
  return std::nullopt;
}

std::optional<BookingStatus> next_status(BookingStatus from, BookingAction action) {
  const bool pending = from == BookingStatus::pending;
  const bool live = pending || from == BookingStatus::confirmed;
  switch (action) {
    case BookingAction::confirm:
      if (pending) return BookingStatus::confirmed;
      break;
    case BookingAction::decline:
      if (pending) return BookingStatus::declined;
      break;
    case BookingAction::cancel:
      if (live) return BookingStatus::cancelled;
      break;
    case BookingAction::reschedule:
      if (live) return from;
      break;
  }
  return std::nullopt;
}

bool change_allowed(BookingAction action, bool by_client, bool started,
                    std::optional<projects::ProjectStatus> project) {
  using projects::ProjectStatus;
  if (action != BookingAction::cancel && action != BookingAction::reschedule) return true;
  const bool project_confirmed = !project || *project == ProjectStatus::confirmed;
  if (by_client) return !started && project_confirmed;
  if (action == BookingAction::reschedule) return project_confirmed;
  return !project || (*project != ProjectStatus::delivered && *project != ProjectStatus::closed);
}

availability::SlotRules slot_rules(const services::Service& s) {
  availability::SlotRules r;
  r.duration = chr::minutes(s.duration_minutes);
  r.buffer_before = chr::minutes(s.buffer_before_minutes);
  r.buffer_after = chr::minutes(s.buffer_after_minutes);
  r.min_notice = chr::hours(s.min_notice_hours);
  return r;
}

Async<BookingsService::Studio> BookingsService::studio(core::db::Queryable& db) {
  auto settings = co_await settings_.settings(db);
  if (!settings) co_return settings.error();
  auto zone = core::time::Zone::find(settings->profile.time_zone);
  if (!zone) co_return Error::internal("The studio time zone is not in the tz database.");
  co_return Studio{std::move(*settings), *zone};
}

Async<availability::SlotQuery> BookingsService::slot_query(
    core::db::Queryable& db, const Studio& studio, const std::string& professional_id,
    const availability::SlotRules& rules, Interval window,
    const std::optional<std::string>& except) {
  availability::SlotQuery q{studio.zone, {}, {}, {}, {}, {}, core::time::now(), rules};
  auto calendar = co_await availability_.calendar(db, professional_id, window);
  if (!calendar) co_return calendar.error();
  q.weekly = std::move(calendar->weekly);
  q.blocks = std::move(calendar->blocks);
  if (q.weekly.empty()) co_return q;  // no hours, no slots: skip the other read
  auto busy = co_await repository_.busy(db, professional_id, window, except);
  if (!busy) co_return busy.error();
  q.busy = std::move(*busy);
  co_return q;
}

Async<void> BookingsService::check_free(core::db::Queryable& db,
                                        const std::string& professional_id,
                                        const availability::SlotRules& rules, Instant start,
                                        const std::optional<std::string>& except) {
  auto s = co_await studio(db);
  if (!s) co_return s.error();
  auto adjusted = rules;
  adjusted.step = chr::minutes(s->settings.slot_step_minutes);
  // check_slot looks at the local day before and after; buffers reach up to a day further.
  const Interval window{start - chr::days(4), start + chr::days(4)};
  auto q = co_await slot_query(db, *s, professional_id, adjusted, window, except);
  if (!q) co_return q.error();
  const auto check = availability::check_slot(std::move(*q), start);
  if (check != SlotCheck::free) co_return slot_error(check);
  co_return Result<void>{};
}

Async<FreeSlots> BookingsService::slots(const Principal* me, const std::string& service_id,
                                        core::time::Date from, core::time::Date to) {
  if (to < from)
    co_return Error::validation({{"to", "before_from", "On or after `from`."}});
  if (to - from >= chr::days(kMaxSlotDays))
    co_return Error::validation(
        {{"to", "range_too_long", "At most " + std::to_string(kMaxSlotDays) + " days."}});
  auto service = co_await services_.get(me, service_id);
  if (!service) co_return service.error();
  auto s = co_await studio(db_);
  if (!s) co_return s.error();
  const Interval window{Instant(from) - chr::days(3), Instant(to) + chr::days(4)};
  auto rules = slot_rules(*service);
  rules.step = chr::minutes(s->settings.slot_step_minutes);
  const std::optional<std::string> no_exception;
  auto q = co_await slot_query(db_, *s, service->professional_id, rules, window, no_exception);
  if (!q) co_return q.error();
  q->from = from;
  q->to = to;
  co_return FreeSlots{s->settings.profile.time_zone, availability::free_slots(*q)};
}

Async<Answer> BookingsService::create(const Principal& me, const NewBooking& request,
                                      const std::optional<std::string>& key,
                                      const std::string& ip) {
  std::string client_id = me.id();
  if (me.is_staff()) {
    if (!request.client_id)
      co_return Error::validation({{"clientId", "required", "Staff book for a client."}});
    client_id = *request.client_id;
    auto client = co_await users_.find(db_, client_id);
    if (!client) co_return client.error();
    if (!*client || (*client)->profile.role != core::auth::Role::client || (*client)->disabled)
      co_return Error::validation({{"clientId", "not_client", "Choose an active client."}});
  } else if (request.client_id && *request.client_id != me.id()) {
    co_return Error::forbidden("Clients book for themselves.");
  }
  const auto hash = request_hash(request, client_id);
  if (key) {
    auto earlier = co_await replay(me, *key, hash);
    if (!earlier) co_return earlier.error();
    if (*earlier) co_return std::move(**earlier);
  }
  auto service = co_await services_.find(db_, request.service_id);
  if (!service) co_return service.error();
  if (!*service || !(*service)->active)
    co_return Error::validation({{"serviceId", "unknown", "No such service."}});
  // Named locals, not temporaries, in co_await expressions (g++ 12; docs/decisions.md).
  const auto rules = slot_rules(**service);
  const std::optional<std::string> no_exception;
  // A first look without the lock: once a slot is taken, contenders are refused without
  // queueing. insert() checks again under the lock; that check is the one that counts.
  if (auto free = co_await check_free(db_, (*service)->professional_id, rules, request.start,
                                      no_exception);
      !free) {
    const auto refused = free.error();
    co_return co_await refuse(me, key, hash, refused);
  }
  auto created = co_await insert(me, request, client_id, **service, key, hash, ip);
  if (created) co_return created;
  // A concurrent twin (same key) may have booked the slot meanwhile: answer as it did.
  const auto refused = created.error();
  co_return co_await refuse(me, key, hash, refused);
}

Async<std::optional<Answer>> BookingsService::replay(const Principal& me, const std::string& key,
                                                     const std::string& hash) {
  auto stored = co_await repository_.find_answer(db_, me.id(), key);
  if (!stored) co_return stored.error();
  if (!*stored) co_return std::optional<Answer>{};
  if ((*stored)->request_hash != hash) co_return reused_key();
  co_return Answer{(*stored)->status, (*stored)->body};
}

Async<Answer> BookingsService::refuse(const Principal& me, const std::optional<std::string>& key,
                                      const std::string& hash, const Error& refusal) {
  if (!key) co_return refusal;
  auto earlier = co_await replay(me, *key, hash);
  if (!earlier) co_return earlier.error();
  if (!*earlier) co_return refusal;
  co_return std::move(**earlier);
}

Async<Answer> BookingsService::insert(const Principal& me, const NewBooking& request,
                                      const std::string& client_id,
                                      const services::Service& service,
                                      const std::optional<std::string>& key,
                                      const std::string& hash, const std::string& ip) {
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
  auto answer = co_await db_.transact([&](core::db::Tx& tx) -> Async<Answer> {
    auto locked = co_await availability_.lock_calendar(tx, row.professional_id);
    if (!locked) co_return locked.error();
    if (key) {
      auto claimed = co_await repository_.claim_key(tx, me.id(), *key, hash);
      if (!claimed) co_return claimed.error();
      if (!*claimed) co_return slot_taken();
    }
    // Under the calendar lock: no block, hours change or booking can slip in between.
    auto free = co_await check_free(tx, row.professional_id, rules, request.start, no_exception);
    if (!free) co_return free.error();
    auto id = co_await repository_.insert(tx, row);
    if (!id) co_return id.error();
    auto booking = co_await repository_.find(tx, *id);
    if (!booking) co_return booking.error();
    if (!*booking) co_return Error::internal("A booking vanished in its own transaction.");
    Answer out{201, boost::json::serialize(booking_json(**booking))};
    if (key) {
      auto stored = co_await repository_.store_answer(tx, me.id(), *key, out.status, out.body);
      if (!stored) co_return stored.error();
    }
    const std::optional<std::string> no_reason;
    auto mailed = co_await notify(tx, me, **booking, MailEvent::requested, no_reason);
    if (!mailed) co_return mailed.error();
    const audit::AuditEvent event(me.id(), "booking.created", *id, ip);
    auto logged = co_await audit_.record(tx, event);
    if (!logged) co_return logged.error();
    co_return out;
  });
  // Deadlocks and serialization failures that outlived the retries: someone else won.
  if (!answer && answer.error().errc == core::Errc::retry) co_return slot_taken();
  co_return answer;
}

Async<BookingPage> BookingsService::list(const Principal& me, BookingQuery query) {
  if (!me.is_staff()) query.client_id = me.id();
  if (query.from_date || query.to_date) {
    auto s = co_await studio(db_);
    if (!s) co_return s.error();
    if (query.from_date) query.from = s->zone.to_instant(*query.from_date, 0);
    if (query.to_date) query.to = s->zone.to_instant(*query.to_date + chr::days(1), 0);
  }
  co_return co_await repository_.list(db_, query);
}

Async<Booking> BookingsService::get(const Principal& me, const std::string& id) {
  auto booking = co_await repository_.find(db_, id);
  if (!booking) co_return booking.error();
  if (!*booking || (!me.is_staff() && (*booking)->client.id != me.id())) co_return no_booking();
  co_return std::move(**booking);
}

Async<Confirmed> BookingsService::confirm(const Principal& me, const std::string& id,
                                          const std::string& ip) {
  const std::optional<std::string> no_reason;
  co_return co_await transition(me, id, BookingAction::confirm, no_reason, ip);
}

Async<Booking> BookingsService::end_booking(const Principal& me, const std::string& id,
                                    BookingAction action,
                                    const std::optional<std::string>& reason,
                                    const std::string& ip) {
  auto done = co_await transition(me, id, action, reason, ip);
  if (!done) co_return done.error();
  co_return std::move(done->booking);
}

Async<void> BookingsService::check_change(core::db::Queryable& tx, const Principal& me,
                                          const Booking& booking, BookingAction action) {
  auto project = co_await projects_.lock_for_booking(tx, booking.id);
  if (!project) co_return project.error();
  const bool started = core::time::now() >= booking.start;
  if (change_allowed(action, !me.is_staff(), started, *project)) co_return Result<void>{};
  std::string why = started ? "This session has begun" : "This booking's project has moved on";
  if (*project && me.is_staff())
    why = "This booking's project is " + std::string(projects::to_string(**project));
  co_return Error::conflict("invalid_transition",
                            why + ": it can no longer be asked to " +
                                std::string(to_string(action)) + ".");
}

Async<Confirmed> BookingsService::transition(const Principal& me, const std::string& id,
                                             BookingAction action,
                                             const std::optional<std::string>& reason,
                                             const std::string& ip) {
  auto visible = co_await get(me, id);  // 404 before 403: never reveal others' bookings
  if (!visible) co_return visible.error();
  const bool staff_only = action == BookingAction::confirm || action == BookingAction::decline;
  if (staff_only && !me.is_staff()) co_return Error::forbidden();
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Confirmed> {
    auto row = co_await repository_.lock(tx, id);
    if (!row) co_return row.error();
    if (!*row) co_return no_booking();
    const auto next = next_status(**row, action);
    if (!next)
      co_return Error::conflict("invalid_transition",
                                "A " + std::string(to_string(**row)) +
                                    " booking cannot be asked to " +
                                    std::string(to_string(action)) + ".");
    auto current = co_await repository_.find(tx, id);
    if (!current) co_return current.error();
    if (!*current) co_return no_booking();
    auto allowed = co_await check_change(tx, me, **current, action);
    if (!allowed) co_return allowed.error();
    auto saved = co_await repository_.set_status(tx, id, *next, reason);
    if (!saved) co_return saved.error();
    std::string project_id;
    if (action == BookingAction::confirm) {
      auto project = co_await projects_.create_for_booking(tx, id, me.id());
      if (!project) co_return project.error();
      project_id = std::move(*project);
    } else if (action == BookingAction::cancel) {
      auto closed = co_await projects_.cancel_for_booking(tx, id, me.id(), reason);
      if (!closed) co_return closed.error();
    }
    auto booking = co_await repository_.find(tx, id);
    if (!booking) co_return booking.error();
    if (!*booking) co_return no_booking();
    const auto event = action == BookingAction::confirm   ? MailEvent::confirmed
                       : action == BookingAction::decline ? MailEvent::declined
                                                          : MailEvent::cancelled;
    auto mailed = co_await notify(tx, me, **booking, event, reason);
    if (!mailed) co_return mailed.error();
    const audit::AuditEvent audited(me.id(), "booking." + std::string(to_string(action)), id, ip);
    auto logged = co_await audit_.record(tx, audited);
    if (!logged) co_return logged.error();
    co_return Confirmed{std::move(**booking), std::move(project_id)};
  });
}

Async<Booking> BookingsService::reschedule(const Principal& me, const std::string& id,
                                           Instant start, const std::string& ip) {
  auto visible = co_await get(me, id);  // 404 for others' bookings
  if (!visible) co_return visible.error();
  auto moved = co_await db_.transact([&](core::db::Tx& tx) -> Async<Booking> {
    // Calendar, then booking, then project: the order every transaction takes them in.
    auto locked = co_await availability_.lock_calendar(tx, visible->professional_id);
    if (!locked) co_return locked.error();
    auto row = co_await repository_.lock(tx, id);
    if (!row) co_return row.error();
    if (!*row) co_return no_booking();
    if (!next_status(**row, BookingAction::reschedule))
      co_return Error::conflict("invalid_transition", "Only a pending or confirmed booking moves.");
    auto current = co_await repository_.find(tx, id);
    if (!current) co_return current.error();
    if (!*current) co_return no_booking();
    auto allowed = co_await check_change(tx, me, **current, BookingAction::reschedule);
    if (!allowed) co_return allowed.error();
    auto service = co_await services_.find(tx, (*current)->service.id);
    if (!service) co_return service.error();
    if (!*service) co_return no_booking();
    // The booked length stays; buffers and notice follow the service.
    auto rules = slot_rules(**service);
    rules.duration = chr::duration_cast<chr::minutes>((*current)->end - (*current)->start);
    const std::optional<std::string> except = id;
    auto free = co_await check_free(tx, (*current)->professional_id, rules, start, except);
    if (!free) co_return free.error();
    const Interval session{start, start + rules.duration};
    auto done = co_await repository_.move(tx, id, session, availability::busy_range(start, rules));
    if (!done) co_return done.error();
    auto booking = co_await repository_.find(tx, id);
    if (!booking) co_return booking.error();
    if (!*booking) co_return no_booking();
    const std::optional<std::string> no_reason;
    auto mailed = co_await notify(tx, me, **booking, MailEvent::rescheduled, no_reason);
    if (!mailed) co_return mailed.error();
    const audit::AuditEvent event(me.id(), "booking.reschedule", id, ip);
    auto logged = co_await audit_.record(tx, event);
    if (!logged) co_return logged.error();
    co_return std::move(**booking);
  });
  if (!moved && moved.error().errc == core::Errc::retry) co_return slot_taken();
  co_return moved;
}

Async<bool> BookingsService::lock_booking(core::db::Queryable& tx, const std::string& booking_id) {
  auto row = co_await repository_.lock(tx, booking_id);
  if (!row) co_return row.error();
  co_return *row && next_status(**row, BookingAction::cancel).has_value();
}

Async<void> BookingsService::cancel_booking(core::db::Queryable& tx, const Principal& me,
                                            const std::string& booking_id,
                                            const std::optional<std::string>& note,
                                            const std::string& ip) {
  auto row = co_await repository_.lock(tx, booking_id);
  if (!row) co_return row.error();
  if (!*row || !next_status(**row, BookingAction::cancel)) co_return Result<void>{};
  // A project note may be longer than a booking's reason may be.
  std::optional<std::string> reason;
  if (note && note->size() <= kMaxReasonBytes) reason = note;
  auto saved = co_await repository_.set_status(tx, booking_id, BookingStatus::cancelled, reason);
  if (!saved) co_return saved.error();
  auto booking = co_await repository_.find(tx, booking_id);
  if (!booking) co_return booking.error();
  if (!*booking) co_return no_booking();
  auto mailed = co_await notify(tx, me, **booking, MailEvent::cancelled, reason);
  if (!mailed) co_return mailed.error();
  const audit::AuditEvent event(me.id(), "booking.cancel", booking_id, ip);
  co_return co_await audit_.record(tx, event);
}

Async<void> BookingsService::notify(core::db::Queryable& tx, const Principal& me,
                                    const Booking& booking, MailEvent event,
                                    const std::optional<std::string>& reason) {
  auto s = co_await studio(tx);
  if (!s) co_return s.error();
  BookingMail mail{event, booking.client, s->settings.profile.name,
                   s->zone.format_local(booking.start) + " (" + std::string(s->zone.name()) + ")",
                   booking.service.name,
                   booking.client.first_name + " " + booking.client.last_name, reason};
  if (!me.is_staff()) {  // the client acted: tell the professional
    auto pro = co_await users_.find(tx, booking.professional_id);
    if (!pro) co_return pro.error();
    if (!*pro) co_return Result<void>{};
    const auto& p = (*pro)->profile;
    mail.to = Person{p.id, p.first_name, p.last_name, p.email, p.locale};
  }
  const auto message = booking_mail(mail);
  co_return co_await core::mail::enqueue(tx, message);
}

}  // namespace declic::bookings
