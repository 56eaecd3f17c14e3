#pragma once
// Who is told what. Each booking change, project step and new message that concerns a user
// becomes a notification for them (an after-commit group of those events): the other side of
// a booking change, the client of a project, the other side of a conversation (the studio's
// side: every staff member). Each one is pushed live (notification.created) and, as the user
// chose for its kind, scheduled for a mail: at once (a message only if still unread after
// MESSAGE_MAIL_DELAY), in the next morning's digest, or not at all. The mail lists whatever of
// that kind was not mailed yet, so several messages make one mail, never one per message.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "modules/bookings/bookings_service.hpp"
#include "modules/messages/messages_service.hpp"
#include "modules/notifications/notifications_content.hpp"
#include "modules/notifications/notifications_model.hpp"
#include "modules/projects/projects_service.hpp"
#include "modules/settings/settings_service.hpp"
#include "modules/users/users_service.hpp"

#include <chrono>
#include <memory>

namespace declic::notifications {

using core::Async;
using core::auth::Principal;

class NotificationsRepository;

struct Options {
  std::chrono::seconds message_mail_delay{600};
  int digest_hour = 8;     // studio time
  std::string public_url;  // links in mails
};

class NotificationsService {
 public:
  struct Imports {
    users::UsersService& users;
    settings::SettingsService& settings;
    bookings::BookingsService& bookings;
    projects::ProjectsService& projects;
    messages::MessagesService& messages;
  };
  NotificationsService(core::db::Pool& db, core::events::Bus& events, const Imports& imports,
                       Options options);
  ~NotificationsService();

  Async<NotificationPage> list(const Principal& me, std::optional<std::int64_t> before_seq,
                               int limit);
  // Marks `ids` (the caller's) read, or all of them.
  Async<void> read(const Principal& me, const std::vector<std::string>& ids, bool all);
  Async<Preferences> preferences(const Principal& me);
  Async<Preferences> set_preferences(const Principal& me,
                                     const std::vector<std::pair<Kind, MailMode>>& changes);

  // The handlers of the events (notifications_module.cpp).
  Async<void> notify(core::db::Queryable& tx, const core::events::StoredEvent& e);
  Async<void> conversation_read(core::db::Queryable& tx, const core::events::Event& e);
  Async<void> mail(core::db::Queryable& tx, const core::events::StoredEvent& due);

 private:
  struct Notice;
  Async<std::vector<Notice>> notices_for(core::db::Queryable& tx,
                                         const core::events::StoredEvent& e);
  Async<void> deliver(core::db::Queryable& tx, const Notice& notice);
  Async<void> receipt(core::db::Queryable& tx, const core::events::StoredEvent& requested);
  Async<Studio> studio_of(core::db::Queryable& tx);
  Async<std::chrono::system_clock::time_point> mail_time(core::db::Queryable& tx, Kind kind,
                                                         MailMode mode);

  core::db::Pool& db_;
  core::events::Bus& events_;
  Imports imports_;
  Options options_;
  std::unique_ptr<NotificationsRepository> repository_;
};

}  // namespace declic::notifications
