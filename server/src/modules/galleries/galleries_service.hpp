#pragma once
// Rules for galleries (galleries_model.hpp). Staff do everything; a gallery's client sees it
// once it is published (any other: 404), marks favourites and comments until they submit
// their selection, and downloads what `downloads` allows until it expires (then 410). Links
// to files and zips are signed and short-lived, made for the one who asked.
//
// Events: gallery.published → the client is told (exposed as "gallery.published"); every
// other change (a photo added, processed, removed; settings) → "gallery.updated" for staff.
// Photos are processed by workers on every server (process_pending): each claims a photo
// still PROCESSING, makes its renditions off the event loop, and records them.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "core/storage/storage.hpp"
#include "core/zip/zip.hpp"
#include "modules/files/files_service.hpp"
#include "modules/galleries/galleries_model.hpp"
#include "modules/settings/settings_service.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <memory>

namespace declic::galleries {

using core::Async;
using core::auth::Principal;

class GalleriesRepository;

struct Options {
  std::string link_secret;
  std::string public_url;                         // guest links point there
  std::int64_t quota_bytes = 200LL << 30;         // the whole studio
  std::int64_t gallery_quota_bytes = 50LL << 30;  // one gallery
  std::int64_t max_file_bytes = 1LL << 30;        // one upload
  unsigned workers = 2;  // photos processed at once by this server; 0: only by others
};

// A photo with the links its viewer may use (nullopt: not for them, or not made yet).
struct PhotoView {
  Photo photo;
  std::optional<std::string> thumbnail_url, preview_url, download_url;
};

struct GalleryView {
  Gallery gallery;
  std::optional<std::string> cover_url, archive_url, favorites_archive_url;
};

// A zip the link names, ready to stream.
struct ArchiveDownload {
  std::shared_ptr<const core::zip::Archive> archive;
  std::string file_name, etag;
};

class GalleriesService {
 public:
  struct Imports {
    files::FilesService& files;
    settings::SettingsService& settings;
  };
  GalleriesService(core::db::Pool& db, core::events::Bus& events,
                   boost::asio::any_io_executor executor, const Imports& imports, Options options);
  ~GalleriesService();

  Async<GalleryView> create(const Principal& me, const std::string& project_id, NewGallery g);
  Async<std::vector<GalleryView>> list(const Principal& me,
                                       const std::optional<std::string>& project_id);
  Async<GalleryView> get(const Principal& me, const std::string& id);
  Async<GalleryView> update(const Principal& me, const std::string& id, const GalleryChange& c);
  Async<void> remove(const Principal& me, const std::string& id);
  Async<GalleryView> publish(const Principal& me, const std::string& id);
  Async<void> reorder(const Principal& me, const std::string& id,
                      const std::vector<std::string>& file_ids);

  Async<std::vector<PhotoView>> photos(const Principal& me, const std::string& gallery_id);
  Async<void> remove_photo(const Principal& me, const std::string& file_id);
  Async<void> set_favorite(const Principal& me, const std::string& file_id, bool favorite);
  Async<void> set_comment(const Principal& me, const std::string& file_id, std::string comment);
  Async<GalleryView> submit_selection(const Principal& me, const std::string& gallery_id);
  Async<GalleryView> reopen_selection(const Principal& me, const std::string& gallery_id);
  Async<Selection> selection(const Principal& me, const std::string& gallery_id);
  Async<std::vector<DownloadRecord>> downloads(const Principal& me, const std::string& gallery_id);
  Async<Usage> usage();

  // The zip a signed link names (`kind`: "all" or "favorites"), recorded as downloaded when
  // `record` (its first request, not a resumed range).
  Async<ArchiveDownload> archive(const std::string& gallery_id, const std::string& kind,
                                 const std::string& by, std::int64_t exp, const std::string& sig,
                                 bool record, const std::string& ip);

  // Guest links: made, listed and revoked by staff; a guest unlocks one with its PIN (403
  // `wrong_pin`; 429 once five wrong PINs locked it) for a session of 12 hours, then sees
  // the gallery — never the client's favourites or comments — and downloads if allowed.
  Async<Share> create_share(const Principal& me, const std::string& gallery_id, std::string pin,
                            bool downloads, std::optional<std::string> expires_at);
  Async<std::vector<Share>> shares(const Principal& me, const std::string& gallery_id);
  Async<void> revoke_share(const Principal& me, const std::string& gallery_id,
                           const std::string& share_id);
  std::string share_url(const Share& s) const;
  Async<std::string> unlock_share(const std::string& token, std::string pin);
  struct Shared {
    GalleryView gallery;
    std::vector<PhotoView> photos;
    std::string studio_name;
  };
  Async<Shared> shared(const std::string& token, const std::string& session);

  // For the tus uploads: what a new upload of `length` bytes into `gallery_id` may do (404,
  // 413 past a quota); and the upload, once whole, made a photo of the gallery.
  Async<void> admit_upload(core::db::Queryable& db, const std::string& gallery_id,
                           std::int64_t length);
  struct Added {
    std::string file_id;
    bool duplicate = false;
  };
  Async<Added> add_photo(const Principal& me, const Upload& upload, const core::storage::Digest& d);
  std::int64_t max_file_bytes() const { return options_.max_file_bytes; }
  // Bytes in hand made a photo of the gallery at once (the demo's pictures).
  Async<Added> add_file(const Principal& me, const std::string& gallery_id, std::string name,
                        std::string bytes);

  // A file.downloaded of a gallery's photo goes to its download log (in-transaction).
  Async<void> on_file_downloaded(core::db::Queryable& tx, const core::events::Event& e);
  // Housekeeping: tells clients of galleries that expire within 7 days.
  Async<std::int64_t> remind_expiring();
  // Starts the processing workers on this server; stop() ends them after the photo in hand.
  void start();
  void stop();

 private:
  Async<Gallery> visible(core::db::Queryable& db, const Principal& me, const std::string& id);
  Async<Photo> photo_for(const Principal& me, const std::string& file_id);
  Async<Gallery> open_selection(core::db::Queryable& db, const Principal& me,
                                const std::string& gallery_id);
  // Who looks: a signed-in user, or a guest holding a share (id "share:<share id>").
  struct Viewer {
    std::string id;
    bool staff = false;
    std::optional<bool> guest_downloads;  // set for guests
  };
  static Viewer viewer_of(const Principal& me) { return {me.id(), me.is_staff(), std::nullopt}; }
  GalleryView view(const Viewer& v, Gallery g) const;
  PhotoView view(const Viewer& v, const Gallery& g, Photo p) const;
  GalleryView view(const Principal& me, Gallery g) const {
    return view(viewer_of(me), std::move(g));
  }
  // A share the guest may use now, for a gallery they may see (404 otherwise).
  Async<std::pair<Share, Gallery>> usable_share(core::db::Queryable& db, Share share);
  Async<void> changed(core::db::Queryable& tx, const Gallery& g, const Principal& me,
                      std::string_view what);
  void wake();
  Async<void> work();
  Async<bool> process_next();

  core::db::Pool& db_;
  core::events::Bus& events_;
  boost::asio::any_io_executor executor_;
  Imports imports_;
  Options options_;
  core::storage::LinkSigner signer_;
  std::unique_ptr<GalleriesRepository> repository_;
  std::unique_ptr<boost::asio::thread_pool> pool_;  // libvips, never on the event loop
  boost::asio::steady_timer wake_;                  // an upload finished: work to do
  std::atomic<bool> stopping_{false};
};

}  // namespace declic::galleries
