#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/files/files_model.hpp"

#include <vector>

namespace declic::files {

using core::Async;

// SQL for the files table.
class FilesRepository {
 public:
  using Db = core::db::Queryable;
  Async<StoredFile> insert(Db& db, const StoredFile& f);
  Async<StoredFile> get(Db& db, const std::string& id);  // 404 inside
  Async<std::vector<StoredFile>> find_many(Db& db, const std::vector<std::string>& ids);
  Async<void> set_renditions(Db& db, const std::string& id, const std::string& thumbnail_key,
                             const std::string& preview_key, int width, int height);
  // Deletes the files; returns the storage keys of their bytes and renditions.
  Async<std::vector<std::string>> remove(Db& db, const std::vector<std::string>& ids);
  // Deletes up to `limit` attachments no message took within `hours` of their upload (an
  // upload abandoned in the composer); returns their storage keys.
  Async<std::vector<std::string>> delete_orphans(Db& db, int hours, int limit);
};

}  // namespace declic::files
