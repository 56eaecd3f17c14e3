#include "modules/images/images_service.hpp"

#include "core/error/try.hpp"
#include "core/util/blocking.hpp"
#include "modules/images/images_repository.hpp"

namespace declic::images {

namespace {

// Writes the picture to the store and flushes it (blocking: fsync).
core::Result<Image> write(core::storage::FileStore& store, const core::image::Picture& picture) {
  auto upload = store.create();
  if (!upload) return upload.error();
  if (auto written = upload->write(picture.webp); !written) return written.error();
  auto key = upload->commit();
  if (!key) return key.error();
  return Image{"", std::move(*key), picture.width, picture.height,
               static_cast<int>(picture.webp.size())};
}

}  // namespace

ImagesService::ImagesService(core::db::Pool& db, std::filesystem::path dir,
                             boost::asio::thread_pool& blocking)
    : db_(db),
      store_(std::move(dir)),
      blocking_(blocking),
      repository_(std::make_unique<ImagesRepository>()) {}
ImagesService::~ImagesService() = default;

Async<Image> ImagesService::store(std::string upload, core::image::Box box) {
  auto make = [this, upload = std::move(upload), box]() -> core::Result<Image> {
    auto picture = core::image::fit_webp(upload, box);
    if (!picture) return picture.error();
    return write(store_, *picture);
  };
  DECLIC_CO_TRY(auto image, co_await core::run_blocking(blocking_, std::move(make)));
  auto recorded = co_await repository_->insert(db_, image);
  if (!recorded) store_.remove(image.storage_key);  // nothing refers to it
  co_return recorded;
}

Async<void> ImagesService::discard(const std::optional<std::string>& id) {
  if (!id) co_return core::Result<void>{};
  DECLIC_CO_TRY(auto key, co_await repository_->remove(db_, *id));
  if (key) store_.remove(*key);
  co_return core::Result<void>{};
}

Async<std::pair<Image, std::filesystem::path>> ImagesService::open(const std::string& id) {
  DECLIC_CO_TRY(auto image, co_await repository_->get(db_, id));
  auto path = store_.path_of(image.storage_key);
  co_return std::make_pair(std::move(image), std::move(path));
}

Async<std::int64_t> ImagesService::purge_orphans() {
  constexpr int kOrphanHours = 24, kBatch = 200;
  DECLIC_CO_TRY(auto keys, co_await repository_->delete_orphans(db_, kOrphanHours, kBatch));
  for (const auto& key : keys) store_.remove(key);
  co_return static_cast<std::int64_t>(keys.size());
}

}  // namespace declic::images
