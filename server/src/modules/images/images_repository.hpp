#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/images/images_model.hpp"

#include <optional>

namespace declic::images {

using core::Async;

// SQL for the images table.
class ImagesRepository {
 public:
  using Db = core::db::Queryable;
  Async<Image> insert(Db& db, const Image& image);
  Async<Image> get(Db& db, const std::string& id);  // 404 inside
  // Deletes the row; its storage key, when there was one.
  Async<std::optional<std::string>> remove(Db& db, const std::string& id);
  // Deletes up to `limit` images nothing shows any more, made over `hours` ago (an upload
  // whose settings or service change failed); returns their storage keys.
  Async<std::vector<std::string>> delete_orphans(Db& db, int hours, int limit);
};

}  // namespace declic::images
