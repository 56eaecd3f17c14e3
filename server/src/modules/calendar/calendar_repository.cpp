#include "modules/calendar/calendar_repository.hpp"

#include "core/error/try.hpp"

namespace declic::calendar {

namespace db = core::db;

namespace {
constexpr db::Statement kCreatedAt{
    "calendar_feed_created_at",
    "SELECT rfc3339(created_at) FROM calendar_feeds WHERE user_id = $1::uuid"};
constexpr db::Statement kReplace{
    "calendar_feed_replace",
    "INSERT INTO calendar_feeds (user_id, token_hash) VALUES ($1::uuid, $2)"
    " ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()"
    " RETURNING rfc3339(created_at)"};
constexpr db::Statement kRemove{"calendar_feed_remove",
                                "DELETE FROM calendar_feeds WHERE user_id = $1::uuid"};
constexpr db::Statement kOwner{
    "calendar_feed_owner",
    "SELECT u.id FROM calendar_feeds f JOIN users u ON u.id = f.user_id"
    " WHERE f.token_hash = $1 AND u.disabled_at IS NULL AND u.role <> 'CLIENT'"};

Async<std::optional<std::string>> first_text(Async<db::Rows> query) {
  DECLIC_CO_TRY(auto rows, co_await std::move(query));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}
}  // namespace

Async<std::optional<std::string>> CalendarRepository::created_at(Db& db,
                                                                 const std::string& user_id) {
  co_return co_await first_text(db.query(kCreatedAt, db::params(user_id)));
}

Async<std::string> CalendarRepository::replace(Db& db, const std::string& user_id,
                                               const std::string& token_hash) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kReplace, db::params(user_id, token_hash)));
  co_return rows[0].get<std::string>(0);
}

Async<void> CalendarRepository::remove(Db& db, const std::string& user_id) {
  co_return db::completed(co_await db.query(kRemove, db::params(user_id)));
}

Async<std::optional<std::string>> CalendarRepository::owner(Db& db, const std::string& token_hash) {
  co_return co_await first_text(db.query(kOwner, db::params(token_hash)));
}

}  // namespace declic::calendar
