#include "modules/files/files_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

namespace declic::files {

namespace db = core::db;

namespace {

#define FILE_COLUMNS                                                                              \
  "id, storage_key, purpose, owner_id, name, mime_type, size_bytes, sha256, rfc3339(created_at)," \
  " thumbnail_key, preview_key"

constexpr db::Statement kInsert{
    "files_insert",
    "INSERT INTO files (storage_key, purpose, owner_id, name, mime_type, size_bytes, sha256)"
    " VALUES ($1, $2, $3::uuid, $4, $5, $6, $7) RETURNING " FILE_COLUMNS};
constexpr db::Statement kGet{"files_get", "SELECT " FILE_COLUMNS " FROM files WHERE id = $1::uuid"};
constexpr db::Statement kFindMany{"files_find_many",
                                  "SELECT " FILE_COLUMNS " FROM files WHERE id = ANY ($1::uuid[])"};
constexpr db::Statement kSetRenditions{
    "files_set_renditions",
    "UPDATE files SET thumbnail_key = $2, preview_key = $3, width = $4, height = $5"
    " WHERE id = $1::uuid"};
constexpr db::Statement kRemove{"files_remove",
                                "DELETE FROM files WHERE id = ANY ($1::uuid[]) RETURNING "
                                "storage_key, thumbnail_key, preview_key"};
#undef FILE_COLUMNS

StoredFile decode(const db::Row& r) {
  return {r.get<std::string>(0),
          r.get<std::string>(1),
          r.get<std::string>(2),
          r.get<std::optional<std::string>>(3),
          r.get<std::string>(4),
          r.get<std::string>(5),
          r.get<std::int64_t>(6),
          r.get<std::string>(7),
          r.get<std::string>(8),
          r.get<std::optional<std::string>>(9),
          r.get<std::optional<std::string>>(10)};
}

// message_files is the messages module's: an attachment belongs to a message once it holds it.
constexpr db::Statement kDeleteOrphans{
    "files_delete_orphans",
    "DELETE FROM files WHERE id IN (SELECT f.id FROM files f WHERE f.purpose = 'attachment'"
    " AND f.created_at < now() - make_interval(hours => $1)"
    " AND NOT EXISTS (SELECT 1 FROM message_files m WHERE m.file_id = f.id)"
    " LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING storage_key"};
}  // namespace

Async<StoredFile> FilesRepository::insert(Db& db, const StoredFile& f) {
  DECLIC_CO_TRY(auto rows,
                co_await db.query(kInsert, db::params(f.storage_key, f.purpose, f.owner_id, f.name,
                                                      f.mime_type, f.size_bytes, f.sha256)));
  co_return decode(rows[0]);
}

Async<StoredFile> FilesRepository::get(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return core::Error::not_found("file");
  DECLIC_CO_TRY(auto rows, co_await db.query(kGet, db::params(id)));
  if (rows.empty()) co_return core::Error::not_found("file");
  co_return decode(rows[0]);
}

Async<std::vector<StoredFile>> FilesRepository::find_many(Db& db,
                                                          const std::vector<std::string>& ids) {
  std::vector<std::string> valid;
  for (const auto& id : ids)
    if (core::is_uuid(id)) valid.push_back(id);
  DECLIC_CO_TRY(auto rows, co_await db.query(kFindMany, db::params(db::array_literal(valid))));
  std::vector<StoredFile> out;
  for (int i = 0; i < rows.size(); ++i) out.push_back(decode(rows[i]));
  co_return out;
}

Async<void> FilesRepository::set_renditions(Db& db, const std::string& id,
                                            const std::string& thumbnail_key,
                                            const std::string& preview_key, int width, int height) {
  co_return db::completed(
      co_await db.query(kSetRenditions, db::params(id, thumbnail_key, preview_key, width, height)));
}

Async<std::vector<std::string>> FilesRepository::remove(Db& db,
                                                        const std::vector<std::string>& ids) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kRemove, db::params(db::array_literal(ids))));
  std::vector<std::string> keys;
  for (int i = 0; i < rows.size(); ++i)
    for (int c = 0; c < 3; ++c)
      if (auto key = rows[i].get<std::optional<std::string>>(c)) keys.push_back(std::move(*key));
  co_return keys;
}

Async<std::vector<std::string>> FilesRepository::delete_orphans(Db& db, int hours, int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kDeleteOrphans, db::params(hours, limit)));
  std::vector<std::string> keys;
  for (int i = 0; i < rows.size(); ++i) keys.push_back(rows[i].get<std::string>(0));
  co_return keys;
}

}  // namespace declic::files
