#include "modules/notifications/notifications_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/cursor.hpp"
#include "core/util/uuid.hpp"

namespace declic::notifications {

namespace db = core::db;

namespace {

#define NOTIFICATION_COLUMNS \
  "id, seq, user_id, kind, type, subject_id, data::text, rfc3339(created_at), rfc3339(read_at)"

constexpr db::Statement kInsert{
    "notifications_insert",
    "INSERT INTO notifications (user_id, kind, type, subject_id, data, read_at)"
    " VALUES ($1::uuid, $2, $3, $4, $5::jsonb, CASE WHEN $6 THEN now() END)"
    " RETURNING " NOTIFICATION_COLUMNS};
constexpr db::Statement kList{
    "notifications_list",
    "SELECT " NOTIFICATION_COLUMNS
    ", (SELECT count(*) FROM notifications u"
    "  WHERE u.user_id = $1::uuid AND u.read_at IS NULL)"
    " FROM notifications WHERE user_id = $1::uuid AND ($2::bigint IS NULL OR seq < $2)"
    " ORDER BY seq DESC LIMIT $3"};
constexpr db::Statement kUnreadCount{
    "notifications_unread",
    "SELECT count(*) FROM notifications WHERE user_id = $1::uuid AND read_at IS NULL"};
constexpr db::Statement kMarkRead{
    "notifications_mark_read",
    "UPDATE notifications SET read_at = now()"
    " WHERE user_id = $1::uuid AND id = ANY ($2::uuid[]) AND read_at IS NULL"};
constexpr db::Statement kMarkAllRead{
    "notifications_mark_all_read",
    "UPDATE notifications SET read_at = now() WHERE user_id = $1::uuid AND read_at IS NULL"};
constexpr db::Statement kConversationRead{
    "notifications_conversation_read",
    "UPDATE notifications n SET read_at = now()"
    " WHERE n.type = 'message.created' AND n.subject_id = $1 AND n.read_at IS NULL"
    "   AND CASE WHEN $3 THEN n.user_id IN (SELECT id FROM users WHERE role <> 'CLIENT')"
    "            ELSE n.user_id = $2::uuid END"};
constexpr db::Statement kPreferences{
    "notification_preferences_get",
    "SELECT kind, mode FROM notification_preferences WHERE user_id = $1::uuid"};
constexpr db::Statement kSetPreference{
    "notification_preferences_set",
    "INSERT INTO notification_preferences (user_id, kind, mode) VALUES ($1::uuid, $2, $3)"
    " ON CONFLICT (user_id, kind) DO UPDATE SET mode = excluded.mode"};
constexpr db::Statement kUnmailed{
    "notifications_unmailed",
    "SELECT " NOTIFICATION_COLUMNS
    " FROM notifications n"
    " WHERE n.user_id = $1::uuid AND n.kind = $2 AND (NOT $3 OR n.read_at IS NULL)"
    "   AND n.seq > coalesce((SELECT up_to FROM notification_mailed m"
    "                          WHERE m.user_id = $1::uuid AND m.kind = $2), 0)"
    " ORDER BY n.seq LIMIT 50"};
constexpr db::Statement kMarkMailed{
    "notifications_mark_mailed",
    "INSERT INTO notification_mailed (user_id, kind, up_to) VALUES ($1::uuid, $2, $3)"
    " ON CONFLICT (user_id, kind) DO UPDATE"
    " SET up_to = GREATEST(notification_mailed.up_to, excluded.up_to)"};
#undef NOTIFICATION_COLUMNS

Notification decode(const db::Row& r) {
  Notification n;
  n.id = r.get<std::string>(0);
  n.seq = r.get<std::int64_t>(1);
  n.user_id = r.get<std::string>(2);
  n.kind = kind_from(r.text(3)).value_or(Kind::bookings);
  n.type = r.get<std::string>(4);
  n.subject_id = r.get<std::string>(5);
  n.data_json = r.get<std::string>(6);
  n.created_at = r.get<std::string>(7);
  n.read_at = r.get<std::optional<std::string>>(8);
  return n;
}

}  // namespace

Async<Notification> NotificationsRepository::insert(Db& tx, const std::string& user_id, Kind kind,
                                                    const std::string& type,
                                                    const std::string& subject_id,
                                                    const std::string& data_json, bool read) {
  DECLIC_CO_TRY(auto rows,
                co_await tx.query(kInsert, db::params(user_id, std::string(to_string(kind)), type,
                                                      subject_id, data_json, read)));
  co_return decode(rows[0]);
}

Async<NotificationPage> NotificationsRepository::list(Db& db, const std::string& user_id,
                                                      std::optional<std::int64_t> before_seq,
                                                      int limit) {
  NotificationPage page;
  DECLIC_CO_TRY(auto rows, co_await db.query(kList, db::params(user_id, before_seq, limit + 1)));
  for (int i = 0; i < rows.size() && i < limit; ++i) page.items.push_back(decode(rows[i]));
  if (rows.size() > limit)
    page.next_cursor = core::encode_cursor(page.items.back().seq, page.items.back().id);
  if (!rows.empty()) {
    page.unread_count = rows[0].get<std::int64_t>(9);
  } else {
    DECLIC_CO_TRY(auto count, co_await db.query(kUnreadCount, db::params(user_id)));
    page.unread_count = count[0].get<std::int64_t>(0);
  }
  co_return page;
}

Async<void> NotificationsRepository::mark_read(Db& db, const std::string& user_id,
                                               const std::vector<std::string>& ids) {
  co_return db::completed(
      co_await db.query(kMarkRead, db::params(user_id, db::array_literal(ids))));
}

Async<void> NotificationsRepository::mark_all_read(Db& db, const std::string& user_id) {
  co_return db::completed(co_await db.query(kMarkAllRead, db::params(user_id)));
}

Async<void> NotificationsRepository::mark_conversation_read(Db& tx,
                                                            const std::string& conversation_id,
                                                            const std::string& client_id,
                                                            bool by_staff) {
  co_return db::completed(
      co_await tx.query(kConversationRead, db::params(conversation_id, client_id, by_staff)));
}

Async<Preferences> NotificationsRepository::preferences(Db& db, const std::string& user_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kPreferences, db::params(user_id)));
  Preferences p;
  for (int i = 0; i < rows.size(); ++i) {
    const auto kind = kind_from(rows[i].text(0));
    const auto mode = mail_mode_from(rows[i].text(1));
    if (kind && mode) p.of(*kind) = *mode;
  }
  co_return p;
}

Async<void> NotificationsRepository::set_preference(Db& db, const std::string& user_id, Kind kind,
                                                    MailMode mode) {
  co_return db::completed(co_await db.query(
      kSetPreference,
      db::params(user_id, std::string(to_string(kind)), std::string(to_string(mode)))));
}

Async<std::vector<Notification>> NotificationsRepository::unmailed(Db& tx,
                                                                   const std::string& user_id,
                                                                   Kind kind, bool unread_only) {
  DECLIC_CO_TRY(
      auto rows,
      co_await tx.query(kUnmailed, db::params(user_id, std::string(to_string(kind)), unread_only)));
  std::vector<Notification> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode(rows[i]));
  co_return out;
}

Async<void> NotificationsRepository::mark_mailed(Db& tx, const std::string& user_id, Kind kind,
                                                 std::int64_t up_to) {
  co_return db::completed(
      co_await tx.query(kMarkMailed, db::params(user_id, std::string(to_string(kind)), up_to)));
}

}  // namespace declic::notifications
