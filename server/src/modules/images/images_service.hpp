#pragma once
// The studio's pictures (logo, service covers): an upload made into a fitted WebP off the event
// loop, written to the file store and recorded; served to anyone by id. The module that shows
// a picture decides who may change it and forgets the one it replaced (discard).

#include "core/async.hpp"
#include "core/db/db.hpp"
#include "core/image/image.hpp"
#include "core/storage/storage.hpp"
#include "modules/images/images_model.hpp"

#include <boost/asio/thread_pool.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <utility>

namespace declic::images {

using core::Async;

class ImagesRepository;

// The boxes pictures are fitted to: a logo, a service's cover (its longest side).
inline constexpr core::image::Box kLogoBox{512, 512};
inline constexpr core::image::Box kCoverBox{1600, 1600};

class ImagesService {
 public:
  ImagesService(core::db::Pool& db, std::filesystem::path dir, boost::asio::thread_pool& blocking);
  ~ImagesService();

  // 415 when the upload is not an allowed picture, 422 when it is too large to decode.
  Async<Image> store(std::string upload, core::image::Box box);
  // Forgets an image nothing shows any more: its row, then its bytes.
  Async<void> discard(const std::optional<std::string>& id);
  // The image and where its bytes are.
  Async<std::pair<Image, std::filesystem::path>> open(const std::string& id);
  // Housekeeping, one batch: images nothing shows, a day after they were made.
  Async<std::int64_t> purge_orphans();

 private:
  core::db::Pool& db_;
  core::storage::FileStore store_;
  boost::asio::thread_pool& blocking_;
  std::unique_ptr<ImagesRepository> repository_;
};

}  // namespace declic::images
