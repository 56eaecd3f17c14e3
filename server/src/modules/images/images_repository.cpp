#include "modules/images/images_repository.hpp"

#include "core/error/try.hpp"
#include "core/util/uuid.hpp"

namespace declic::images {

namespace db = core::db;

namespace {

#define IMAGE_COLUMNS "id, storage_key, width, height, size_bytes"

constexpr db::Statement kInsert{"images_insert",
                                "INSERT INTO images (storage_key, width, height, size_bytes)"
                                " VALUES ($1, $2, $3, $4) RETURNING " IMAGE_COLUMNS};
constexpr db::Statement kGet{"images_get",
                             "SELECT " IMAGE_COLUMNS " FROM images WHERE id = $1::uuid"};
constexpr db::Statement kRemove{"images_remove",
                                "DELETE FROM images WHERE id = $1::uuid RETURNING storage_key"};
#undef IMAGE_COLUMNS

// settings and services are their modules' tables: an image belongs to whoever shows it.
constexpr db::Statement kDeleteOrphans{
    "images_delete_orphans",
    "DELETE FROM images WHERE id IN (SELECT i.id FROM images i"
    " WHERE i.created_at < now() - make_interval(hours => $1)"
    " AND NOT EXISTS (SELECT 1 FROM settings s WHERE s.logo_image_id = i.id)"
    " AND NOT EXISTS (SELECT 1 FROM services v WHERE v.cover_image_id = i.id)"
    " LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING storage_key"};

Image decode(const db::Row& r) {
  return {r.get<std::string>(0), r.get<std::string>(1), r.get<int>(2), r.get<int>(3),
          r.get<int>(4)};
}

}  // namespace

Async<Image> ImagesRepository::insert(Db& db, const Image& image) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kInsert, db::params(image.storage_key, image.width,
                                                                 image.height, image.size_bytes)));
  co_return decode(rows[0]);
}

Async<Image> ImagesRepository::get(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return core::Error::not_found("image");
  DECLIC_CO_TRY(auto rows, co_await db.query(kGet, db::params(id)));
  if (rows.empty()) co_return core::Error::not_found("image");
  co_return decode(rows[0]);
}

Async<std::optional<std::string>> ImagesRepository::remove(Db& db, const std::string& id) {
  if (!core::is_uuid(id)) co_return std::optional<std::string>{};
  DECLIC_CO_TRY(auto rows, co_await db.query(kRemove, db::params(id)));
  if (rows.empty()) co_return std::optional<std::string>{};
  co_return rows[0].get<std::string>(0);
}

Async<std::vector<std::string>> ImagesRepository::delete_orphans(Db& db, int hours, int limit) {
  DECLIC_CO_TRY(auto rows, co_await db.query(kDeleteOrphans, db::params(hours, limit)));
  std::vector<std::string> keys;
  for (int i = 0; i < rows.size(); ++i) keys.push_back(rows[i].get<std::string>(0));
  co_return keys;
}

}  // namespace declic::images
