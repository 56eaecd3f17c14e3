#include "modules/galleries/galleries_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

namespace declic::galleries {

namespace db = core::db;
using core::Error;

namespace {

// The 21 columns decode_gallery() reads; the cover is the first ready photo unless chosen.
#define GALLERY_COLUMNS                                                                       \
  "g.id, g.project_id, g.title, g.status = 'PUBLISHED', rfc3339(g.published_at),"             \
  " rfc3339(g.expires_at), coalesce(g.expires_at <= now(), false), g.watermark, g.downloads," \
  " g.selection_max, rfc3339(g.selection_submitted_at), coalesce(g.cover_file_id, n.first),"  \
  " n.files, n.ready, n.bytes, n.favorites, u.id, u.first_name || ' ' || u.last_name,"        \
  " rfc3339(g.created_at), extract(epoch FROM g.created_at)::bigint"
#define GALLERY_FROM                                                                              \
  " FROM galleries g JOIN projects p ON p.id = g.project_id"                                      \
  " JOIN bookings b ON b.id = p.booking_id JOIN users u ON u.id = b.client_id"                    \
  " CROSS JOIN LATERAL (SELECT count(*) AS files,"                                                \
  "  count(*) FILTER (WHERE gp.status = 'READY') AS ready,"                                       \
  "  coalesce(sum(f.size_bytes), 0) AS bytes, count(*) FILTER (WHERE gp.favorite) AS favorites,"  \
  "  (array_agg(gp.file_id ORDER BY gp.position) FILTER (WHERE gp.status = 'READY'))[1] AS first" \
  "  FROM gallery_photos gp JOIN files f ON f.id = gp.file_id WHERE gp.gallery_id = g.id) n"

constexpr db::Statement kProjectExists{"galleries_project_exists",
                                       "SELECT 1 FROM projects WHERE id = $1::uuid"};
constexpr db::Statement kInsert{
    "galleries_insert",
    "INSERT INTO galleries (project_id, title, expires_at, watermark, downloads, selection_max,"
    " created_by) VALUES ($1::uuid, $2, $3::timestamptz, $4, $5, $6::int, $7::uuid) RETURNING id"};
constexpr db::Statement kFind{"galleries_find",
                              "SELECT " GALLERY_COLUMNS GALLERY_FROM " WHERE g.id = $1::uuid"};
constexpr db::Statement kLock{"galleries_lock",
                              "SELECT id FROM galleries WHERE id = $1::uuid FOR UPDATE"};
constexpr db::Statement kList{
    "galleries_list",
    "SELECT " GALLERY_COLUMNS GALLERY_FROM
    " WHERE ($1::uuid IS NULL OR g.project_id = $1::uuid)"
    " AND ($2::uuid IS NULL OR (b.client_id = $2::uuid AND g.status = 'PUBLISHED'))"
    " ORDER BY g.created_at DESC, g.id LIMIT 500"};
constexpr db::Statement kUpdate{
    "galleries_update",
    "UPDATE galleries SET title = coalesce($2, title),"
    " expires_at = CASE WHEN $3::bool THEN $4::timestamptz ELSE expires_at END,"
    " expiry_reminded_at = CASE WHEN $3::bool THEN NULL ELSE expiry_reminded_at END,"
    " watermark = coalesce($5::bool, watermark), downloads = coalesce($6, downloads),"
    " selection_max = CASE WHEN $7::bool THEN $8::int ELSE selection_max END,"
    " cover_file_id = coalesce($9::uuid, cover_file_id), updated_at = now()"
    " WHERE id = $1::uuid"};
constexpr db::Statement kPublish{
    "galleries_publish",
    "UPDATE galleries SET status = 'PUBLISHED', published_at = now(), updated_at = now()"
    " WHERE id = $1::uuid AND status = 'DRAFT'"};
constexpr db::Statement kSubmitted{
    "galleries_submitted",
    "UPDATE galleries SET selection_submitted_at = CASE WHEN $2::bool THEN now() END,"
    " updated_at = now() WHERE id = $1::uuid"};
constexpr db::Statement kPhotoIds{"galleries_photo_ids",
                                  "SELECT file_id FROM gallery_photos WHERE gallery_id = $1::uuid"};
constexpr db::Statement kUploadKeys{"galleries_upload_keys",
                                    "SELECT storage_key FROM uploads WHERE gallery_id = $1::uuid"};
constexpr db::Statement kRemove{"galleries_remove", "DELETE FROM galleries WHERE id = $1::uuid"};

#define PHOTO_COLUMNS                                                                     \
  "f.id, gp.gallery_id, f.name, f.mime_type, f.size_bytes, f.width, f.height, gp.status," \
  " gp.placeholder, gp.comment, gp.favorite, gp.position, f.storage_key, gp.crc32,"       \
  " f.thumbnail_key IS NOT NULL"
constexpr db::Statement kPhotos{"galleries_photos",
                                "SELECT " PHOTO_COLUMNS
                                " FROM gallery_photos gp JOIN files f ON f.id = gp.file_id"
                                " WHERE gp.gallery_id = $1::uuid AND (gp.favorite OR NOT $2::bool)"
                                " ORDER BY gp.position, f.name, f.id"};
constexpr db::Statement kPhoto{"galleries_photo",
                               "SELECT " PHOTO_COLUMNS
                               " FROM gallery_photos gp JOIN files f ON f.id = gp.file_id"
                               " WHERE gp.file_id = $1::uuid"};
#undef PHOTO_COLUMNS
constexpr db::Statement kSameBytes{
    "galleries_same_bytes",
    "SELECT file_id FROM gallery_photos WHERE gallery_id = $1::uuid AND sha256 = $2"};
constexpr db::Statement kAddPhoto{
    "galleries_add_photo",
    "INSERT INTO gallery_photos (file_id, gallery_id, position, sha256, crc32)"
    " SELECT $2::uuid, $1::uuid, coalesce($5::int, max(position) + 1, 1), $3, $4"
    " FROM gallery_photos WHERE gallery_id = $1::uuid"};
constexpr db::Statement kFavorite{
    "galleries_favorite", "UPDATE gallery_photos SET favorite = $2 WHERE file_id = $1::uuid"};
constexpr db::Statement kComment{"galleries_comment",
                                 "UPDATE gallery_photos SET comment = $2 WHERE file_id = $1::uuid"};
constexpr db::Statement kReorder{
    "galleries_reorder",
    "WITH o AS (SELECT id, ord FROM unnest($2::uuid[]) WITH ORDINALITY AS t (id, ord)),"
    " ok AS (SELECT (SELECT count(*) FROM o) = (SELECT count(*) FROM gallery_photos"
    "  WHERE gallery_id = $1::uuid) AND NOT EXISTS (SELECT 1 FROM o LEFT JOIN gallery_photos gp"
    "  ON gp.file_id = o.id AND gp.gallery_id = $1::uuid WHERE gp.file_id IS NULL) AS fits)"
    " UPDATE gallery_photos gp SET position = o.ord FROM o, ok"
    " WHERE ok.fits AND gp.file_id = o.id AND gp.gallery_id = $1::uuid RETURNING gp.file_id"};
constexpr db::Statement kClaim{
    "galleries_claim",
    "SELECT gp.file_id, gp.gallery_id, f.storage_key, g.watermark, f.thumbnail_key,"
    " f.preview_key FROM gallery_photos gp"
    " JOIN files f ON f.id = gp.file_id JOIN galleries g ON g.id = gp.gallery_id"
    " WHERE gp.status = 'PROCESSING' ORDER BY gp.gallery_id, gp.position"
    " LIMIT 1 FOR UPDATE OF gp SKIP LOCKED"};
constexpr db::Statement kReprocess{
    "galleries_reprocess",
    "UPDATE gallery_photos SET status = 'PROCESSING' WHERE gallery_id = $1::uuid"};
constexpr db::Statement kProcessed{
    "galleries_processed",
    "UPDATE gallery_photos SET status = $2, placeholder = $3 WHERE file_id = $1::uuid"};

// expires_at as tus sends it: an HTTP date (RFC 9110 IMF-fixdate).
#define UPLOAD_COLUMNS                                                                     \
  "id, gallery_id, name, storage_key,"                                                     \
  " to_char(expires_at AT TIME ZONE 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS \"GMT\"'), length," \
  " upload_offset, expires_at <= now(), position"
// The place after every photo and every upload of the gallery (two uploads begun at the same
// moment may share one: the name then orders them).
constexpr db::Statement kInsertUpload{
    "uploads_insert",
    "INSERT INTO uploads (gallery_id, owner_id, name, length, storage_key, expires_at, position)"
    " VALUES ($1::uuid, $2::uuid, $3, $4, $5, now() + interval '1 day', 1 + greatest(0,"
    " (SELECT max(position) FROM gallery_photos WHERE gallery_id = $1::uuid),"
    " (SELECT max(position) FROM uploads WHERE gallery_id = $1::uuid))) RETURNING " UPLOAD_COLUMNS};
constexpr db::Statement kUpload{"uploads_get",
                                "SELECT " UPLOAD_COLUMNS " FROM uploads WHERE id = $1::uuid"};
#undef UPLOAD_COLUMNS
// Each chunk keeps an upload alive for another day.
constexpr db::Statement kAdvance{
    "uploads_advance",
    "UPDATE uploads SET upload_offset = $3, expires_at = now() + interval '1 day'"
    " WHERE id = $1::uuid AND upload_offset = $2"};
constexpr db::Statement kRemoveUpload{
    "uploads_remove", "DELETE FROM uploads WHERE id = $1::uuid RETURNING storage_key"};
constexpr db::Statement kRemoveExpired{
    "uploads_remove_expired",
    "DELETE FROM uploads WHERE id IN (SELECT id FROM uploads WHERE expires_at <= now()"
    " LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING storage_key"};
constexpr db::Statement kUsage{
    "galleries_usage",
    "SELECT (SELECT coalesce(sum(f.size_bytes), 0) FROM files f JOIN gallery_photos gp"
    "  ON gp.file_id = f.id WHERE $1::uuid IS NULL OR gp.gallery_id = $1::uuid)"
    " + (SELECT coalesce(sum(length), 0) FROM uploads"
    "  WHERE $1::uuid IS NULL OR gallery_id = $1::uuid)"};
constexpr db::Statement kRecordDownload{
    "galleries_record_download",
    "INSERT INTO gallery_downloads (gallery_id, user_id, kind, file_name, ip)"
    " VALUES ($1::uuid, $2::uuid, $3, $4, $5)"};
constexpr db::Statement kDownloads{
    "galleries_downloads",
    "SELECT d.id, rfc3339(d.created_at), u.id, u.first_name || ' ' || u.last_name, d.kind,"
    " d.file_name, d.ip FROM gallery_downloads d LEFT JOIN users u ON u.id = d.user_id"
    " WHERE d.gallery_id = $1::uuid ORDER BY d.created_at DESC, d.id DESC LIMIT 500"};
constexpr db::Statement kTakeExpiring{
    "galleries_take_expiring",
    "WITH due AS (SELECT id FROM galleries WHERE status = 'PUBLISHED'"
    "  AND expiry_reminded_at IS NULL AND expires_at > now()"
    "  AND expires_at <= now() + interval '7 days' LIMIT $1 FOR UPDATE SKIP LOCKED)"
    " UPDATE galleries g SET expiry_reminded_at = now() FROM due WHERE g.id = due.id"
    " RETURNING g.id"};

#define SHARE_COLUMNS                                                                             \
  "id, gallery_id, token, downloads, rfc3339(expires_at), rfc3339(revoked_at),"                   \
  " rfc3339(created_at), revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())"       \
  " AND (locked_until IS NULL OR locked_until <= now()), coalesce(locked_until > now(), false), " \
  "pin_hash"
constexpr db::Statement kInsertShare{
    "gallery_shares_insert",
    "INSERT INTO gallery_shares (gallery_id, token, pin_hash, downloads, expires_at, created_by)"
    " VALUES ($1::uuid, $2, $3, $4, $5::timestamptz, $6::uuid) RETURNING " SHARE_COLUMNS};
constexpr db::Statement kShares{"gallery_shares_list",
                                "SELECT " SHARE_COLUMNS
                                " FROM gallery_shares WHERE gallery_id ="
                                " $1::uuid AND revoked_at IS NULL ORDER BY created_at DESC"};
constexpr db::Statement kShareByToken{
    "gallery_shares_by_token", "SELECT " SHARE_COLUMNS " FROM gallery_shares WHERE token = $1"};
constexpr db::Statement kShareById{
    "gallery_shares_by_id", "SELECT " SHARE_COLUMNS " FROM gallery_shares WHERE id = $1::uuid"};
#undef SHARE_COLUMNS
constexpr db::Statement kRevokeShare{
    "gallery_shares_revoke",
    "UPDATE gallery_shares SET revoked_at = now() WHERE id = $2::uuid AND gallery_id = $1::uuid"
    " AND revoked_at IS NULL"};
constexpr db::Statement kPinFailed{
    "gallery_shares_pin_failed",
    "UPDATE gallery_shares SET failed_attempts = CASE WHEN failed_attempts >= 4 THEN 0"
    " ELSE failed_attempts + 1 END, locked_until = CASE WHEN failed_attempts >= 4"
    " THEN now() + interval '15 minutes' ELSE locked_until END WHERE id = $1::uuid"};
constexpr db::Statement kPinPassed{
    "gallery_shares_pin_passed",
    "UPDATE gallery_shares SET failed_attempts = 0 WHERE id = $1::uuid"};

Share decode_share(const db::Row& r) {
  Share s;
  s.id = r.get<std::string>(0);
  s.gallery_id = r.get<std::string>(1);
  s.token = r.get<std::string>(2);
  s.downloads = r.get<bool>(3);
  s.expires_at = r.get<std::optional<std::string>>(4);
  s.revoked_at = r.get<std::optional<std::string>>(5);
  s.created_at = r.get<std::string>(6);
  s.usable = r.get<bool>(7);
  s.locked = r.get<bool>(8);
  s.pin_hash = r.get<std::string>(9);
  return s;
}

Gallery decode_gallery(const db::Row& r) {
  Gallery g;
  g.id = r.get<std::string>(0);
  g.project_id = r.get<std::string>(1);
  g.title = r.get<std::string>(2);
  g.published = r.get<bool>(3);
  g.published_at = r.get<std::optional<std::string>>(4);
  g.expires_at = r.get<std::optional<std::string>>(5);
  g.expired = r.get<bool>(6);
  g.watermark = r.get<bool>(7);
  g.downloads = r.get<std::string>(8);
  g.selection_max = r.get<std::optional<int>>(9);
  g.selection_submitted_at = r.get<std::optional<std::string>>(10);
  g.cover_file_id = r.get<std::optional<std::string>>(11);
  g.file_count = r.get<std::int64_t>(12);
  g.ready_count = r.get<std::int64_t>(13);
  g.size_bytes = r.get<std::int64_t>(14);
  g.favorite_count = r.get<std::int64_t>(15);
  g.client = {r.get<std::string>(16), r.get<std::string>(17)};
  g.created_at = r.get<std::string>(18);
  g.created_unix = r.get<std::int64_t>(19);
  return g;
}

PhotoStatus status_of(std::string_view s) {
  return s == "READY"    ? PhotoStatus::ready
         : s == "FAILED" ? PhotoStatus::failed
                         : PhotoStatus::processing;
}

Photo decode_photo(const db::Row& r) {
  Photo p;
  p.file_id = r.get<std::string>(0);
  p.gallery_id = r.get<std::string>(1);
  p.name = r.get<std::string>(2);
  p.mime_type = r.get<std::string>(3);
  p.size_bytes = r.get<std::int64_t>(4);
  p.width = r.get<std::optional<int>>(5);
  p.height = r.get<std::optional<int>>(6);
  p.status = status_of(r.text(7));
  p.placeholder = r.get<std::optional<std::string>>(8);
  p.comment = r.get<std::optional<std::string>>(9);
  p.favorite = r.get<bool>(10);
  p.position = r.get<int>(11);
  p.storage_key = r.get<std::string>(12);
  p.crc32 = static_cast<std::uint32_t>(r.get<std::int64_t>(13));
  p.has_renditions = r.get<bool>(14);
  return p;
}

std::vector<std::string> first_column(const db::Rows& rows) {
  std::vector<std::string> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].get<std::string>(0));
  return out;
}

}  // namespace

std::string_view to_string(PhotoStatus s) {
  switch (s) {
    case PhotoStatus::ready:
      return "READY";
    case PhotoStatus::failed:
      return "FAILED";
    case PhotoStatus::processing:
      break;
  }
  return "PROCESSING";
}

Async<bool> GalleriesRepository::project_exists(Db& db, const std::string& project_id) {
  if (!core::is_uuid(project_id)) co_return false;
  DECLIC_CO_TRY(auto rows, co_await db.query(kProjectExists, db::params(project_id)));
  co_return !rows.empty();
}

Async<std::string> GalleriesRepository::insert(Db& db, const std::string& project_id,
                                               const NewGallery& g, const std::string& created_by) {
  DECLIC_CO_TRY(auto rows, co_await db.query(
                               kInsert, db::params(project_id, g.title, g.expires_at, g.watermark,
                                                   g.downloads, g.selection_max, created_by)));
  co_return rows[0].get<std::string>(0);
}

Async<Gallery> GalleriesRepository::find(Db& db, const std::string& id, bool lock) {
  if (!core::is_uuid(id)) co_return Error::not_found("gallery");
  if (lock) {
    DECLIC_CO_TRY(auto locked, co_await db.query(kLock, db::params(id)));
    if (locked.empty()) co_return Error::not_found("gallery");
  }
  DECLIC_CO_TRY(auto rows, co_await db.query(kFind, db::params(id)));
  if (rows.empty()) co_return Error::not_found("gallery");
  co_return decode_gallery(rows[0]);
}

Async<std::vector<Gallery>> GalleriesRepository::list(Db& db,
                                                      const std::optional<std::string>& project_id,
                                                      const std::optional<std::string>& client_id) {
  if (project_id && !core::is_uuid(*project_id)) co_return std::vector<Gallery>{};
  DECLIC_CO_TRY(auto rows, co_await db.query(kList, db::params(project_id, client_id)));
  std::vector<Gallery> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_gallery(rows[i]));
  co_return out;
}

Async<void> GalleriesRepository::update(Db& db, const std::string& id, const GalleryChange& c) {
  const auto expires = c.expires_at.value_or(std::nullopt);
  const auto max = c.selection_max.value_or(std::nullopt);
  co_return db::completed(co_await db.query(
      kUpdate, db::params(id, c.title, c.expires_at.has_value(), expires, c.watermark, c.downloads,
                          c.selection_max.has_value(), max, c.cover_file_id)));
}

Async<void> GalleriesRepository::publish(Db& db, const std::string& id) {
  co_return db::completed(co_await db.query(kPublish, db::params(id)));
}

Async<void> GalleriesRepository::set_submitted(Db& db, const std::string& id, bool submitted) {
  co_return db::completed(co_await db.query(kSubmitted, db::params(id, submitted)));
}

Async<std::vector<std::string>> GalleriesRepository::photo_ids(Db& db,
                                                               const std::string& gallery_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kPhotoIds, db::params(gallery_id)));
  co_return first_column(rows);
}

Async<std::vector<std::string>> GalleriesRepository::upload_keys(Db& db,
                                                                 const std::string& gallery_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kUploadKeys, db::params(gallery_id)));
  co_return first_column(rows);
}

Async<void> GalleriesRepository::remove(Db& db, const std::string& id) {
  co_return db::completed(co_await db.query(kRemove, db::params(id)));
}

Async<std::vector<Photo>> GalleriesRepository::photos(Db& db, const std::string& gallery_id,
                                                      bool favorites_only) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kPhotos, db::params(gallery_id, favorites_only)));
  std::vector<Photo> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_photo(rows[i]));
  co_return out;
}

Async<Photo> GalleriesRepository::photo(Db& db, const std::string& file_id) {
  if (!core::is_uuid(file_id)) co_return Error::not_found("file");
  DECLIC_CO_TRY(auto rows, co_await db.query(kPhoto, db::params(file_id)));
  if (rows.empty()) co_return Error::not_found("file");
  co_return decode_photo(rows[0]);
}

Async<std::optional<std::string>> GalleriesRepository::same_bytes(Db& db,
                                                                  const std::string& gallery_id,
                                                                  const std::string& sha256) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kSameBytes, db::params(gallery_id, sha256)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

Async<void> GalleriesRepository::add_photo(Db& db, const std::string& gallery_id,
                                           const std::string& file_id, const std::string& sha256,
                                           std::uint32_t crc32, std::optional<int> position) {
  co_return db::completed(co_await db.query(
      kAddPhoto,
      db::params(gallery_id, file_id, sha256, static_cast<std::int64_t>(crc32), position)));
}

Async<void> GalleriesRepository::set_favorite(Db& db, const std::string& file_id, bool favorite) {
  co_return db::completed(co_await db.query(kFavorite, db::params(file_id, favorite)));
}

Async<void> GalleriesRepository::set_comment(Db& db, const std::string& file_id,
                                             const std::optional<std::string>& comment) {
  co_return db::completed(co_await db.query(kComment, db::params(file_id, comment)));
}

Async<bool> GalleriesRepository::reorder(Db& db, const std::string& gallery_id,
                                         const std::vector<std::string>& file_ids) {
  for (const auto& id : file_ids)
    if (!core::is_uuid(id)) co_return false;
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kReorder, db::params(gallery_id, db::array_literal(file_ids))));
  co_return rows.size() == static_cast<int>(file_ids.size());
}

Async<std::optional<GalleriesRepository::Pending>> GalleriesRepository::claim_pending(Db& db) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kClaim));
  if (rows.empty()) co_return std::optional<Pending>{};
  Pending p{rows[0].get<std::string>(0), rows[0].get<std::string>(1), rows[0].get<std::string>(2),
            rows[0].get<bool>(3)};
  for (int c : {4, 5})
    if (auto key = rows[0].get<std::optional<std::string>>(c)) p.old_keys.push_back(*key);
  co_return p;
}

Async<void> GalleriesRepository::reprocess(Db& db, const std::string& gallery_id) {
  co_return db::completed(co_await db.query(kReprocess, db::params(gallery_id)));
}

Async<void> GalleriesRepository::set_processed(Db& db, const std::string& file_id,
                                               PhotoStatus status,
                                               const std::optional<std::string>& placeholder) {
  co_return db::completed(
      co_await db.query(kProcessed, db::params(file_id, to_string(status), placeholder)));
}

namespace {
Upload decode_upload(const db::Row& r) {
  return {r.get<std::string>(0),  r.get<std::string>(1),       r.get<std::string>(2),
          r.get<std::string>(3),  r.get<std::string>(4),       r.get<std::int64_t>(5),
          r.get<std::int64_t>(6), r.get<std::optional<int>>(8)};
}
}  // namespace

Async<Upload> GalleriesRepository::insert_upload(Db& db, const std::string& gallery_id,
                                                 const std::string& owner_id,
                                                 const std::string& name, std::int64_t length,
                                                 const std::string& storage_key) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kInsertUpload, db::params(gallery_id, owner_id, name,
                                                                       length, storage_key)));
  co_return decode_upload(rows[0]);
}

Async<Upload> GalleriesRepository::upload(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return Error::not_found("upload");
  DECLIC_CO_TRY(auto rows, co_await db.query(kUpload, db::params(id)));
  if (rows.empty()) co_return Error::not_found("upload");
  if (rows[0].get<bool>(7))
    co_return Error::gone("upload_expired", "This upload expired; start it again.");
  co_return decode_upload(rows[0]);
}

Async<bool> GalleriesRepository::advance_upload(Db& db, const std::string& id, std::int64_t from,
                                                std::int64_t to) {
  DECLIC_CO_TRY(auto changed, db::affected(co_await db.query(kAdvance, db::params(id, from, to))));
  co_return changed == 1;
}

Async<std::optional<std::string>> GalleriesRepository::remove_upload(Db& db,
                                                                     const std::string& id) {
  if (!core::is_uuid(id)) co_return std::optional<std::string>{};
  DECLIC_CO_TRY(auto rows, co_await db.query(kRemoveUpload, db::params(id)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

Async<std::vector<std::string>> GalleriesRepository::remove_expired_uploads(Db& db, int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kRemoveExpired, db::params(limit)));
  co_return first_column(rows);
}

Async<Usage> GalleriesRepository::usage(Db& db, const std::optional<std::string>& gallery_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kUsage, db::params(gallery_id)));
  Usage u;
  u.used_bytes = rows[0].get<std::int64_t>(0);
  co_return u;
}

Async<void> GalleriesRepository::record_download(Db& db, const std::string& gallery_id,
                                                 const std::optional<std::string>& user_id,
                                                 const std::string& kind,
                                                 const std::optional<std::string>& file_name,
                                                 const std::string& ip) {
  co_return db::completed(
      co_await db.query(kRecordDownload, db::params(gallery_id, user_id, kind, file_name, ip)));
}

Async<std::vector<DownloadRecord>> GalleriesRepository::downloads(Db& db,
                                                                  const std::string& gallery_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kDownloads, db::params(gallery_id)));
  std::vector<DownloadRecord> out;
  for (int i = 0; i < rows.size(); ++i) {
    DownloadRecord d;
    d.id = rows[i].get<std::int64_t>(0);
    d.at = rows[i].get<std::string>(1);
    if (auto id = rows[i].get<std::optional<std::string>>(2))
      d.user = Person{*id, rows[i].get<std::string>(3)};
    d.kind = rows[i].get<std::string>(4);
    d.file_name = rows[i].get<std::optional<std::string>>(5);
    d.ip = rows[i].get<std::string>(6);
    out.push_back(std::move(d));
  }
  co_return out;
}

Async<Share> GalleriesRepository::insert_share(Db& db, const std::string& gallery_id,
                                               const std::string& token,
                                               const std::string& pin_hash, bool downloads,
                                               const std::optional<std::string>& expires_at,
                                               const std::string& created_by) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kInsertShare, db::params(gallery_id, token, pin_hash, downloads,
                                                           expires_at, created_by)));
  co_return decode_share(rows[0]);
}

Async<std::vector<Share>> GalleriesRepository::shares(Db& db, const std::string& gallery_id) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kShares, db::params(gallery_id)));
  std::vector<Share> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode_share(rows[i]));
  co_return out;
}

Async<Share> GalleriesRepository::share_by_token(Db& db, const std::string& token) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kShareByToken, db::params(token)));
  if (rows.empty()) co_return Error::not_found("share");
  co_return decode_share(rows[0]);
}

Async<Share> GalleriesRepository::share_by_id(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return Error::not_found("share");
  DECLIC_CO_TRY(auto rows, co_await db.query(kShareById, db::params(id)));
  if (rows.empty()) co_return Error::not_found("share");
  co_return decode_share(rows[0]);
}

Async<bool> GalleriesRepository::revoke_share(Db& db, const std::string& gallery_id,
                                              const std::string& id) {
  if (!core::is_uuid(id)) co_return false;
  DECLIC_CO_TRY(auto n, db::affected(co_await db.query(kRevokeShare, db::params(gallery_id, id))));
  co_return n == 1;
}

Async<void> GalleriesRepository::pin_failed(Db& db, const std::string& id) {
  co_return db::completed(co_await db.query(kPinFailed, db::params(id)));
}

Async<void> GalleriesRepository::pin_passed(Db& db, const std::string& id) {
  co_return db::completed(co_await db.query(kPinPassed, db::params(id)));
}

Async<std::vector<Gallery>> GalleriesRepository::take_expiring(Db& db, int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kTakeExpiring, db::params(limit)));
  std::vector<Gallery> out;
  for (const auto& id : first_column(rows)) {
    DECLIC_CO_TRY(auto g, co_await find(db, id));
    out.push_back(std::move(g));
  }
  co_return out;
}

}  // namespace declic::galleries
