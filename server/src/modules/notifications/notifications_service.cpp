#include "modules/notifications/notifications_service.hpp"

#include "core/db/locks.hpp"
#include "core/error/try.hpp"
#include "core/mail/mail.hpp"
#include "modules/notifications/notifications_content.hpp"
#include "modules/notifications/notifications_events.hpp"
#include "modules/notifications/notifications_repository.hpp"

#include <array>

namespace declic::notifications {

using core::Error;
using core::Result;
using core::events::flag_of;
using core::events::text_of;
namespace chr = std::chrono;

namespace {

constexpr std::array<std::string_view, 3> kKindNames{"messages", "bookings", "projects"};
constexpr std::array<std::string_view, 3> kModeNames{"instant", "digest", "off"};

}  // namespace

std::string_view to_string(Kind k) {
  return kKindNames[static_cast<std::size_t>(k)];
}
std::string_view to_string(MailMode m) {
  return kModeNames[static_cast<std::size_t>(m)];
}

std::optional<Kind> kind_from(std::string_view text) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == text) return static_cast<Kind>(i);
  return std::nullopt;
}

std::optional<MailMode> mail_mode_from(std::string_view text) {
  for (std::size_t i = 0; i < kModeNames.size(); ++i)
    if (kModeNames[i] == text) return static_cast<MailMode>(i);
  return std::nullopt;
}

struct NotificationsService::Notice {
  std::string user_id;
  Kind kind;
  std::string type, subject_id, data_json;
  bool read = false;  // a message its reader saw before its notification was made
};

NotificationsService::NotificationsService(core::db::Pool& db, core::events::Bus& events,
                                           const Imports& imports, Options options)
    : db_(db),
      events_(events),
      imports_(imports),
      options_(std::move(options)),
      repository_(std::make_unique<NotificationsRepository>()) {}
NotificationsService::~NotificationsService() = default;

Async<NotificationPage> NotificationsService::list(const Principal& me,
                                                   std::optional<std::int64_t> before_seq,
                                                   int limit) {
  co_return co_await repository_->list(db_, me.id(), before_seq, limit);
}

Async<void> NotificationsService::read(const Principal& me, const std::vector<std::string>& ids,
                                       bool all) {
  if (all) co_return co_await repository_->mark_all_read(db_, me.id());
  co_return co_await repository_->mark_read(db_, me.id(), ids);
}

Async<Preferences> NotificationsService::preferences(const Principal& me) {
  co_return co_await repository_->preferences(db_, me.id());
}

Async<Preferences> NotificationsService::set_preferences(
    const Principal& me, const std::vector<std::pair<Kind, MailMode>>& changes) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<Preferences> {
    for (const auto& [kind, mode] : changes)
      DECLIC_CO_TRYV(co_await repository_->set_preference(tx, me.id(), kind, mode));
    co_return co_await repository_->preferences(tx, me.id());
  });
}

// ---- who is told what ----------------------------------------------------------------------

Async<std::vector<NotificationsService::Notice>> NotificationsService::notices_for(
    core::db::Queryable& tx, const core::events::StoredEvent& e) {
  std::vector<Notice> out;
  if (e.type.starts_with("booking.")) {
    DECLIC_CO_TRY(auto booking, co_await imports_.bookings.find(tx, e.subject_id));
    // The other side: the professional when the client acted, the client when staff did.
    const bool by_client = flag_of(e.data, "byClient");
    const auto& to = by_client ? booking.professional_id : booking.client.id;
    const auto data = booking_data(booking, text_of(e.data, "reason"), by_client);
    out.push_back({to, Kind::bookings, e.type, booking.id, data});
    // Nobody acted on an expired request: both sides learn the time is free again.
    if (e.type == "booking.expired")
      out.push_back({booking.professional_id, Kind::bookings, e.type, booking.id, data});
  } else if (e.type == "project.status_changed") {
    DECLIC_CO_TRY(auto project, co_await imports_.projects.find(tx, e.subject_id));
    // A project and its booking are cancelled together (either way round): the booking's
    // notice says it, with the date and the reason.
    if (project.status == projects::ProjectStatus::cancelled &&
        project.booking.status == "CANCELLED")
      co_return out;
    out.push_back({project.client.id, Kind::projects, e.type, project.id,
                   project_data(project, text_of(e.data, "from").value_or(""),
                                text_of(e.data, "to").value_or(""), text_of(e.data, "note"))});
  } else if (e.type.starts_with("contract.")) {
    // Signed: the studio's turn; sent or countersigned: the client's.
    const auto data = contract_data(e.data);
    if (e.type == "contract.signed") {
      DECLIC_CO_TRY(auto staff, co_await imports_.users.active_staff(tx));
      for (const auto& s : staff)
        out.push_back({s.profile.id, Kind::projects, e.type, e.subject_id, data});
    } else {
      out.push_back(
          {text_of(e.data, "clientId").value_or(""), Kind::projects, e.type, e.subject_id, data});
    }
  } else if (e.type.starts_with("gallery.")) {  // published, or expiring: the client's news
    out.push_back({text_of(e.data, "clientId").value_or(""), Kind::projects, e.type, e.subject_id,
                   gallery_data(e.data)});
  } else if (e.type == "message.created") {
    const auto message_id = text_of(e.data, "messageId").value_or("");
    const auto client_id = text_of(e.data, "clientId").value_or("");
    DECLIC_CO_TRY(auto message, co_await imports_.messages.find(tx, message_id));
    const auto data = message_data(message, client_id);
    if (message.from_staff) {
      out.push_back(
          {client_id, Kind::messages, e.type, message.conversation_id, data, message.seen});
    } else {  // the studio's side: every staff member
      DECLIC_CO_TRY(auto staff, co_await imports_.users.active_staff(tx));
      for (const auto& s : staff)
        out.push_back(
            {s.profile.id, Kind::messages, e.type, message.conversation_id, data, message.seen});
    }
  }
  co_return out;
}

namespace {
Recipient recipient_of(const core::auth::UserProfile& p) {
  return {p.email, p.first_name, p.locale, p.role != core::auth::Role::client};
}
}  // namespace

Async<void> NotificationsService::notify(core::db::Queryable& tx,
                                         const core::events::StoredEvent& e) {
  DECLIC_CO_TRY(auto notices, co_await notices_for(tx, e));
  for (const auto& notice : notices) DECLIC_CO_TRYV(co_await deliver(tx, notice));
  if (e.type == "booking.requested" && flag_of(e.data, "byClient"))
    DECLIC_CO_TRYV(co_await receipt(tx, e));
  co_return Result<void>{};
}

// The mail the booking page promises a client who sent a request. Not a notification: nobody
// is told of their own act in the app; by mail, unless they turned booking mails off.
Async<void> NotificationsService::receipt(core::db::Queryable& tx,
                                          const core::events::StoredEvent& requested) {
  DECLIC_CO_TRY(auto booking, co_await imports_.bookings.find(tx, requested.subject_id));
  DECLIC_CO_TRY(auto preferences, co_await repository_->preferences(tx, booking.client.id));
  if (preferences.of(Kind::bookings) == MailMode::off) co_return Result<void>{};
  DECLIC_CO_TRY(auto user, co_await imports_.users.find(tx, booking.client.id));
  if (!user || user->disabled) co_return Result<void>{};
  DECLIC_CO_TRY(auto studio, co_await studio_of(tx));
  Notification item;
  item.kind = Kind::bookings;
  item.type = requested.type;
  item.data_json = booking_data(booking, std::nullopt, true);
  const auto message =
      notification_mail(recipient_of(user->profile), studio, Kind::bookings, {item});
  co_return co_await core::mail::enqueue(tx, message);
}

Async<Studio> NotificationsService::studio_of(core::db::Queryable& tx) {
  DECLIC_CO_TRY(auto settings, co_await imports_.settings.settings(tx));
  const auto zone = core::time::Zone::find(settings.profile.time_zone);
  if (!zone) co_return Error::internal("The studio time zone is not in the tz database.");
  co_return Studio{settings.profile.name, *zone, options_.public_url,
                   settings::session_place(settings),
                   settings::mail_look(settings.profile, options_.public_url)};
}

Async<void> NotificationsService::deliver(core::db::Queryable& tx, const Notice& notice) {
  DECLIC_CO_TRY(auto n,
                co_await repository_->insert(tx, notice.user_id, notice.kind, notice.type,
                                             notice.subject_id, notice.data_json, notice.read));
  const auto created = created_event(n);
  DECLIC_CO_TRYV(co_await events_.publish(tx, created));
  if (notice.read) co_return Result<void>{};
  DECLIC_CO_TRY(auto preferences, co_await repository_->preferences(tx, notice.user_id));
  const auto mode = preferences.of(notice.kind);
  if (mode == MailMode::off) co_return Result<void>{};
  DECLIC_CO_TRY(auto at, co_await mail_time(tx, notice.kind, mode));
  const auto due = mail_due_event(notice.user_id, notice.kind, at);
  co_return co_await events_.publish(tx, due);
}

// When the mail about a new notification is due: a booking or project change at once, a
// message once it had time to be read, a digest at the next digest hour (studio time).
Async<chr::system_clock::time_point> NotificationsService::mail_time(core::db::Queryable& tx,
                                                                     Kind kind, MailMode mode) {
  const auto now = chr::system_clock::now();
  if (mode == MailMode::instant)
    co_return kind == Kind::messages ? now + options_.message_mail_delay : now;
  DECLIC_CO_TRY(auto settings, co_await imports_.settings.settings(tx));
  const auto zone = core::time::Zone::find(settings.profile.time_zone);
  if (!zone) co_return now;
  const auto today = zone->local_date(core::time::now());
  auto at = zone->to_instant(today, options_.digest_hour * 60);
  if (at <= core::time::now())
    at = zone->to_instant(today + chr::days(1), options_.digest_hour * 60);
  co_return chr::system_clock::time_point(
      chr::duration_cast<chr::system_clock::duration>(at.time_since_epoch()));
}

Async<void> NotificationsService::conversation_read(core::db::Queryable& tx,
                                                    const core::events::Event& e) {
  co_return co_await repository_->mark_conversation_read(
      tx, e.subject_id, text_of(e.data, "clientId").value_or(""), flag_of(e.data, "readerIsStaff"));
}

// ---- mails ------------------------------------------------------------------------------------

Async<void> NotificationsService::mail(core::db::Queryable& tx,
                                       const core::events::StoredEvent& due) {
  const auto user_id = text_of(due.data, "userId").value_or("");
  const auto kind = kind_from(text_of(due.data, "kind").value_or(""));
  if (!kind) co_return Result<void>{};
  // Two due mails for one user and kind never list the same notifications.
  const auto mailbox = user_id + ":" + std::string(to_string(*kind));
  DECLIC_CO_TRYV(co_await core::db::lock(tx, core::db::LockScope::mailbox, mailbox));
  DECLIC_CO_TRY(auto items,
                co_await repository_->unmailed(tx, user_id, *kind, *kind == Kind::messages));
  if (items.empty()) co_return Result<void>{};  // read meanwhile, or in an earlier mail
  const auto up_to = items.back().seq;
  DECLIC_CO_TRY(auto preferences, co_await repository_->preferences(tx, user_id));
  DECLIC_CO_TRY(auto user, co_await imports_.users.find(tx, user_id));
  const bool wanted = preferences.of(*kind) != MailMode::off && user && !user->disabled;
  if (wanted) {
    DECLIC_CO_TRY(auto studio, co_await studio_of(tx));
    const auto message = notification_mail(recipient_of(user->profile), studio, *kind, items);
    DECLIC_CO_TRYV(co_await core::mail::enqueue(tx, message));
  }
  co_return co_await repository_->mark_mailed(tx, user_id, *kind, up_to);
}

}  // namespace declic::notifications
