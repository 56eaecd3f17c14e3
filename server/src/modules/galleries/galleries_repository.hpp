#pragma once
#include "core/async.hpp"
#include "core/db/db.hpp"
#include "modules/galleries/galleries_model.hpp"

#include <vector>

namespace declic::galleries {

using core::Async;

// SQL for galleries, their photos, tus uploads and the download log.
class GalleriesRepository {
 public:
  using Db = core::db::Queryable;

  Async<bool> project_exists(Db& db, const std::string& project_id);
  Async<std::string> insert(Db& db, const std::string& project_id, const NewGallery& g,
                            const std::string& created_by);
  // 404 inside; `lock` takes the row for the rest of the transaction.
  Async<Gallery> find(Db& db, const std::string& id, bool lock = false);
  // Newest first; `client_id`: only that client's published galleries.
  Async<std::vector<Gallery>> list(Db& db, const std::optional<std::string>& project_id,
                                   const std::optional<std::string>& client_id);
  Async<void> update(Db& db, const std::string& id, const GalleryChange& c);
  Async<void> publish(Db& db, const std::string& id);
  Async<void> set_submitted(Db& db, const std::string& id, bool submitted);
  // The ids of its photos' files, then the gallery (its photos, uploads and log go with it).
  Async<std::vector<std::string>> photo_ids(Db& db, const std::string& gallery_id);
  Async<std::vector<std::string>> upload_keys(Db& db, const std::string& gallery_id);
  Async<void> remove(Db& db, const std::string& id);

  Async<std::vector<Photo>> photos(Db& db, const std::string& gallery_id, bool favorites_only);
  Async<Photo> photo(Db& db, const std::string& file_id);  // 404 inside
  Async<std::optional<std::string>> same_bytes(Db& db, const std::string& gallery_id,
                                               const std::string& sha256);
  // At `position`, or after every photo when nullopt.
  Async<void> add_photo(Db& db, const std::string& gallery_id, const std::string& file_id,
                        const std::string& sha256, std::uint32_t crc32,
                        std::optional<int> position);
  Async<void> set_favorite(Db& db, const std::string& file_id, bool favorite);
  Async<void> set_comment(Db& db, const std::string& file_id,
                          const std::optional<std::string>& comment);
  // Positions from the order of `file_ids`; false unless they are exactly the gallery's.
  Async<bool> reorder(Db& db, const std::string& gallery_id,
                      const std::vector<std::string>& file_ids);
  // A photo still to process, locked (SKIP LOCKED: each worker gets another one).
  struct Pending {
    std::string file_id, gallery_id, storage_key;
    bool watermark = false;
    std::vector<std::string> old_keys;  // renditions made before, to remove once replaced
  };
  Async<std::optional<Pending>> claim_pending(Db& db);
  // Every photo of the gallery made again (its watermark changed).
  Async<void> reprocess(Db& db, const std::string& gallery_id);
  Async<void> set_processed(Db& db, const std::string& file_id, PhotoStatus status,
                            const std::optional<std::string>& placeholder);

  Async<Upload> insert_upload(Db& db, const std::string& gallery_id, const std::string& owner_id,
                              const std::string& name, std::int64_t length,
                              const std::string& storage_key);
  // 404 when unknown, 410 once expired.
  Async<Upload> upload(Db& db, const std::string& id);
  // Moves the offset from `from` to `to`; false when another request moved it first.
  Async<bool> advance_upload(Db& db, const std::string& id, std::int64_t from, std::int64_t to);
  Async<std::optional<std::string>> remove_upload(Db& db, const std::string& id);  // its key
  Async<std::vector<std::string>> remove_expired_uploads(Db& db, int limit);       // their keys

  Async<Usage> usage(Db& db, const std::optional<std::string>& gallery_id);

  Async<void> record_download(Db& db, const std::string& gallery_id,
                              const std::optional<std::string>& user_id, const std::string& kind,
                              const std::optional<std::string>& file_name, const std::string& ip);
  Async<std::vector<DownloadRecord>> downloads(Db& db, const std::string& gallery_id);
  Async<Share> insert_share(Db& db, const std::string& gallery_id, const std::string& token,
                            const std::string& pin_hash, bool downloads,
                            const std::optional<std::string>& expires_at,
                            const std::string& created_by);
  Async<std::vector<Share>> shares(Db& db, const std::string& gallery_id);
  // 404 inside; by the link's token or by id.
  Async<Share> share_by_token(Db& db, const std::string& token);
  Async<Share> share_by_id(Db& db, const std::string& id);
  Async<bool> revoke_share(Db& db, const std::string& gallery_id, const std::string& id);
  // A wrong PIN: counted, and the fifth locks the link for 15 minutes. A right one: reset.
  Async<void> pin_failed(Db& db, const std::string& id);
  Async<void> pin_passed(Db& db, const std::string& id);
  // Published galleries expiring within 7 days whose client was not told yet; marks them told.
  Async<std::vector<Gallery>> take_expiring(Db& db, int limit);
};

}  // namespace declic::galleries
