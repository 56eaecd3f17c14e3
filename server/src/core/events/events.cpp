#include "core/events/events.hpp"

#include "core/error/try.hpp"
#include "core/events/event_rows.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace declic::core::events {

namespace {

// The event and one job per after-commit group, in one round trip.
constexpr db::Statement kInsert{
    "events_insert",
    "WITH e AS (INSERT INTO events (type, subject_id, actor_id, data, to_staff, to_users)"
    "           VALUES ($1, $2, $3::uuid, $4::jsonb, $5, $6::uuid[]) RETURNING seq)"
    " INSERT INTO event_jobs (event_seq, handler, lease_until)"
    " SELECT e.seq, h, COALESCE(to_timestamp($8::float8 / 1000), now())"
    " FROM e, unnest($7::text[]) h"};

#define EVENT_COLUMNS                                                                      \
  "id, type, subject_id, actor_id, data::text, to_staff, array_to_string(to_users, ','), " \
  "rfc3339(created_at)"

constexpr db::Statement kSince{"events_since",
                               "SELECT " EVENT_COLUMNS
                               " FROM events"
                               " WHERE id > $1 AND (($2 AND to_staff) OR $3::uuid = ANY (to_users))"
                               " ORDER BY id LIMIT $4"};
constexpr db::Statement kAllSince{
    "events_all_since", "SELECT " EVENT_COLUMNS " FROM events WHERE id > $1 ORDER BY id LIMIT $2"};
#undef EVENT_COLUMNS
constexpr db::Statement kLastId{"events_last_id", "SELECT last_id FROM event_counter"};
constexpr db::Statement kKeptAfter{
    "events_kept_after",
    "SELECT coalesce(min(id), (SELECT last_id + 1 FROM event_counter)) <= $1 + 1 FROM events"};

std::vector<StoredEvent> decode_all(const db::Rows& rows) {
  std::vector<StoredEvent> out;
  out.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_event(rows[i], 0));
  return out;
}

}  // namespace

std::optional<std::string> text_of(const boost::json::object& data, std::string_view name) {
  const auto* v = data.if_contains(name);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

bool flag_of(const boost::json::object& data, std::string_view name) {
  const auto* v = data.if_contains(name);
  return v && v->is_bool() && v->get_bool();
}

bool matches(std::string_view pattern, std::string_view type) {
  if (pattern == "*") return true;
  if (pattern.ends_with(".*")) return type.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == type;
}

bool Viewer::may_see(const Audience& a) const {
  return (staff && a.staff) || std::find(a.users.begin(), a.users.end(), user_id) != a.users.end();
}

void Bus::on(std::string type, InTx handler) {
  in_tx_.push_back({std::move(type), std::move(handler)});
}

void Bus::after_commit(std::string group, std::string type, AfterCommit handler) {
  after_commit_.push_back({std::move(group), std::move(type), std::move(handler)});
}

void Bus::on_live(Live listener) {
  live_.push_back(std::move(listener));
}

void Bus::on_feed(Feed listener) {
  feed_.push_back(std::move(listener));
}

std::vector<std::string> Bus::groups_for(std::string_view type) const {
  std::vector<std::string> groups;
  for (const auto& s : after_commit_)
    if (matches(s.type, type) && std::find(groups.begin(), groups.end(), s.group) == groups.end())
      groups.push_back(s.group);
  return groups;
}

void Bus::expose(std::string type, std::string public_type) {
  public_types_.emplace_back(std::move(type), std::move(public_type));
}

std::optional<std::string_view> Bus::public_type(std::string_view type) const {
  for (const auto& [pattern, name] : public_types_)
    if (matches(pattern, type)) return name;
  return std::nullopt;
}

const Bus::AfterCommit* Bus::handler(std::string_view group, std::string_view type) const {
  for (const auto& s : after_commit_)
    if (s.group == group && matches(s.type, type)) return &s.handler;
  return nullptr;
}

void Bus::deliver_live(const std::shared_ptr<const StoredEvent>& e) const {
  for (const auto& listener : live_) listener(e);
}

void Bus::feed_changed(bool live) const {
  for (const auto& listener : feed_) listener(live);
}

Async<void> Bus::publish(db::Queryable& tx, const Event& e) {
  const auto data = boost::json::serialize(e.data);
  std::optional<std::int64_t> not_before_ms;
  if (e.not_before)
    not_before_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(e.not_before->time_since_epoch())
            .count();
  DECLIC_CO_TRYV(
      co_await tx.query(kInsert, db::params(e.type, e.subject_id, e.actor_id, data,
                                            e.audience.staff, db::array_literal(e.audience.users),
                                            db::array_literal(groups_for(e.type)), not_before_ms)));
  for (const auto& s : in_tx_)
    if (matches(s.type, e.type)) DECLIC_CO_TRYV(co_await s.handler(tx, e));
  co_return Result<void>{};
}

Async<std::vector<StoredEvent>> Bus::since(db::Queryable& db, std::int64_t after_id,
                                           const Viewer& viewer, int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(
                               kSince, db::params(after_id, viewer.staff, viewer.user_id, limit)));
  co_return decode_all(rows);
}

Async<std::vector<StoredEvent>> Bus::all_since(db::Queryable& db, std::int64_t after_id,
                                               int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kAllSince, db::params(after_id, limit)));
  co_return decode_all(rows);
}

Async<std::int64_t> Bus::last_id(db::Queryable& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kLastId));
  co_return rows[0].get<std::int64_t>(0);
}

Async<bool> Bus::kept_after(db::Queryable& db, std::int64_t after_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kKeptAfter, db::params(after_id)));
  co_return rows[0].get<bool>(0);
}

}  // namespace declic::core::events
