#include "modules/projects/projects_repository.hpp"

#include "core/error/try.hpp"
#include "core/time/time.hpp"
#include "core/util/uuid.hpp"

namespace declic::projects {

namespace db = core::db;

namespace {

#define PROJECT_FROM                                                                           \
  " FROM projects p JOIN bookings b ON b.id = p.booking_id JOIN users c ON c.id = b.client_id" \
  " JOIN services s ON s.id = b.service_id"
#define PROJECT_COLUMNS                                                                     \
  "p.id, p.status, to_char(p.due_date, 'YYYY-MM-DD'), rfc3339(p.created_at),"               \
  " rfc3339(p.updated_at), (extract(epoch FROM p.created_at) * 1000000)::bigint,"           \
  " b.id, b.status, extract(epoch FROM b.starts_at)::bigint,"                               \
  " extract(epoch FROM b.ends_at)::bigint, c.id, c.first_name, c.last_name, c.email, s.id," \
  " s.name"

constexpr db::Statement kInsert{"projects_insert",
                                "INSERT INTO projects (booking_id) VALUES ($1::uuid) RETURNING id"};
constexpr db::Statement kAddEvent{"projects_add_event",
                                  "INSERT INTO project_events (project_id, status, note, by_user)"
                                  " VALUES ($1::uuid, $2, $3, $4::uuid)"};
// A project with its timeline in one round trip: a row per step (one with nulls when none).
constexpr int kTimelineColumn = 16;
constexpr db::Statement kFind{
    "projects_find",
    "SELECT " PROJECT_COLUMNS
    ", e.status, rfc3339(e.at), e.note, e.by_user,"
    " u.first_name || ' ' || u.last_name" PROJECT_FROM
    " LEFT JOIN project_events e ON e.project_id = p.id LEFT JOIN users u ON u.id = e.by_user"
    " WHERE p.id = $1::uuid ORDER BY e.id"};
constexpr db::Statement kFindByBooking{"projects_find_by_booking",
                                       "SELECT id FROM projects WHERE booking_id = $1::uuid"};
constexpr db::Statement kBookingOf{"projects_booking_of",
                                   "SELECT booking_id FROM projects WHERE id = $1::uuid"};
constexpr db::Statement kLock{
    "projects_lock",
    "SELECT p.status, b.status IN ('PENDING', 'CONFIRMED'), b.id, b.client_id FROM projects p"
    " JOIN bookings b ON b.id = p.booking_id WHERE p.id = $1::uuid FOR UPDATE OF p"};
constexpr db::Statement kUpdate{
    "projects_update",
    "UPDATE projects SET status = $2,"
    " due_date = CASE WHEN $3::boolean THEN $4::date ELSE due_date END, updated_at = now()"
    " WHERE id = $1::uuid"};
// Newest first; the cursor is the last row's (created_at µs, id).
constexpr db::Statement kList{
    "projects_list",
    "SELECT " PROJECT_COLUMNS PROJECT_FROM
    " WHERE ($1::uuid IS NULL OR b.client_id = $1::uuid) AND ($2::text IS NULL OR p.status = $2)"
    "   AND ($3::bigint IS NULL OR ((extract(epoch FROM p.created_at) * 1000000)::bigint, p.id)"
    "        < ($3::bigint, $4::uuid))"
    " ORDER BY p.created_at DESC, p.id DESC LIMIT $5"};

std::string instant(std::int64_t epoch) {
  return core::time::format_rfc3339(core::time::Instant(std::chrono::seconds(epoch)));
}

Project decode(const db::Row& r) {
  Project p;
  p.id = r.get<std::string>(0);
  p.status = project_status_from(r.text(1)).value_or(ProjectStatus::cancelled);
  p.due_date = r.get<std::optional<std::string>>(2);
  p.created_at = r.get<std::string>(3);
  p.updated_at = r.get<std::string>(4);
  p.created_us = r.get<std::int64_t>(5);
  p.booking = {r.get<std::string>(6), r.get<std::string>(7), instant(r.get<std::int64_t>(8)),
               instant(r.get<std::int64_t>(9))};
  p.client = {r.get<std::string>(10), r.get<std::string>(11), r.get<std::string>(12),
              r.get<std::string>(13)};
  p.service = {r.get<std::string>(14), r.get<std::string>(15)};
  return p;
}

core::Error no_project() {
  return core::Error::not_found("project");
}

}  // namespace

Async<std::string> ProjectsRepository::insert(Db& tx, const std::string& booking_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kInsert, db::params(booking_id)));
  co_return rows[0].get<std::string>(0);
}

Async<void> ProjectsRepository::add_event(Db& tx, const std::string& project_id,
                                          ProjectStatus status,
                                          const std::optional<std::string>& note,
                                          const std::optional<std::string>& by) {
  co_return db::completed(co_await tx.query(
      kAddEvent, db::params(project_id, std::string(to_string(status)), note, by)));
}

Async<Project> ProjectsRepository::get(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_project();
  DECLIC_CO_TRY(auto rows, co_await db.query(kFind, db::params(id)));
  if (rows.empty()) co_return no_project();
  auto project = decode(rows[0]);
  for (int i = 0; i < rows.size(); ++i) {
    const auto e = rows[i];
    constexpr int c = kTimelineColumn;
    if (e.is_null(c)) continue;
    project.timeline.push_back(
        {e.get<std::string>(c), e.get<std::string>(c + 1), e.get<std::optional<std::string>>(c + 2),
         e.get<std::optional<std::string>>(c + 3), e.get<std::optional<std::string>>(c + 4)});
  }
  co_return project;
}

Async<std::optional<std::string>> ProjectsRepository::find_by_booking(
    Db& tx, const std::string& booking_id) {
  DECLIC_CO_TRY(auto rows, co_await tx.query(kFindByBooking, db::params(booking_id)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

Async<std::string> ProjectsRepository::booking_of(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_project();
  DECLIC_CO_TRY(auto rows, co_await db.query(kBookingOf, db::params(id)));
  if (rows.empty()) co_return no_project();
  co_return rows[0].get<std::string>(0);
}

Async<LockedProject> ProjectsRepository::lock(Db& tx, const std::string& id) {
  if (!core::is_uuid(id)) co_return no_project();
  DECLIC_CO_TRY(auto rows, co_await tx.query(kLock, db::params(id)));
  if (rows.empty()) co_return no_project();
  const auto r = rows[0];
  co_return LockedProject{project_status_from(r.text(0)).value_or(ProjectStatus::cancelled),
                          r.get<bool>(1), r.get<std::string>(2), r.get<std::string>(3)};
}

Async<void> ProjectsRepository::update(Db& tx, const std::string& id, ProjectStatus status,
                                       const std::optional<std::optional<std::string>>& due_date) {
  co_return db::completed(co_await tx.query(
      kUpdate, db::params(id, std::string(to_string(status)), due_date.has_value(),
                          due_date.value_or(std::nullopt))));
}

Async<ProjectPage> ProjectsRepository::list(Db& db, const ProjectQuery& q) {
  std::optional<std::string> status;
  if (q.status) status = std::string(to_string(*q.status));
  std::optional<std::int64_t> after_key;
  std::optional<std::string> after_id;
  if (q.cursor) {
    after_key = q.cursor->key;
    after_id = q.cursor->id;
  }
  DECLIC_CO_TRY(auto rows, co_await db.query(kList, db::params(q.client_id, status, after_key,
                                                               after_id, q.limit + 1)));
  ProjectPage page;
  for (int i = 0; i < rows.size() && i < q.limit; ++i) page.items.push_back(decode(rows[i]));
  if (rows.size() > q.limit)
    page.next_cursor = core::encode_cursor(page.items.back().created_us, page.items.back().id);
  co_return page;
}

}  // namespace declic::projects
