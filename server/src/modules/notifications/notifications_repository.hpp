#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/notifications/notifications_model.hpp"

namespace declic::notifications {

using core::Async;

// SQL for notifications, notification_preferences and notification_mailed.
class NotificationsRepository {
 public:
  using Db = core::db::Queryable;

  Async<Notification> insert(Db& tx, const std::string& user_id, Kind kind, const std::string& type,
                             const std::string& subject_id, const std::string& data_json,
                             bool read);
  // Newest first, older than `before_seq` when set, with the user's unread count.
  Async<NotificationPage> list(Db& db, const std::string& user_id,
                               std::optional<std::int64_t> before_seq, int limit);
  Async<void> mark_read(Db& db, const std::string& user_id, const std::vector<std::string>& ids);
  Async<void> mark_all_read(Db& db, const std::string& user_id);
  // A conversation read by one side: that side's message notifications about it are read (the
  // studio's side: every staff member's).
  Async<void> mark_conversation_read(Db& tx, const std::string& conversation_id,
                                     const std::string& client_id, bool by_staff);

  Async<Preferences> preferences(Db& db, const std::string& user_id);
  Async<void> set_preference(Db& db, const std::string& user_id, Kind kind, MailMode mode);

  // The user's notifications of `kind` not mailed yet (only unread ones when `unread_only`),
  // oldest first.
  Async<std::vector<Notification>> unmailed(Db& tx, const std::string& user_id, Kind kind,
                                            bool unread_only);
  Async<void> mark_mailed(Db& tx, const std::string& user_id, Kind kind, std::int64_t up_to);
};

}  // namespace declic::notifications
