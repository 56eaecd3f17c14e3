#pragma once
// Stored files: uploads written to the file store as they arrive, their type checked by
// content before they are recorded, and their content served through short-lived signed
// links (`GET /api/files/{id}/content?variant=original&exp=…&sig=…`), so an <img src> works
// without a header and a link handed on stops working within minutes. Who may be given a link
// is the owning module's rule (messages: the conversation's client and the staff; galleries:
// the gallery's client once it is published, and the staff). A link made for a download
// names who it was given to; each time it is used, `file.downloaded` {fileId, variant, name,
// userId} is published.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/db/db.hpp"
#include "core/events/events.hpp"
#include "core/storage/storage.hpp"
#include "modules/files/files_model.hpp"

#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <vector>

namespace declic::files {

using core::Async;

class FilesRepository;

class FilesService {
 public:
  FilesService(core::db::Pool& db, core::events::Bus& events, std::filesystem::path data_dir,
               std::string_view link_secret, boost::asio::thread_pool& blocking);
  ~FilesService();

  // A new file to write the upload's bytes into.
  core::Result<core::storage::Upload> begin_upload();
  // Whether what `upload` holds so far is of an `allowed` type (decided once enough has
  // arrived to tell; true until then).
  static bool plausible(const core::storage::Upload& upload,
                        const std::vector<std::string>& allowed);
  // Checks the type by content (415 unless `allowed`), flushes the file to disk (off the event
  // loop) and records it for `owner`.
  Async<StoredFile> finish_upload(const std::string& owner_id, core::storage::Upload upload,
                                  std::string name, std::string purpose,
                                  const std::vector<std::string>& allowed);
  Async<std::vector<StoredFile>> find_many(core::db::Queryable& db,
                                           const std::vector<std::string>& ids);

  // The signed link to the file's content, valid for `ttl`.
  std::string content_url(const std::string& file_id, std::chrono::seconds ttl) const;
  std::string content_url(const LinkSubject& subject, std::chrono::seconds ttl) const;
  // The file a link names and the path of the variant's bytes, when its signature and expiry
  // hold (403 otherwise; 404 for a variant not made).
  Async<std::pair<StoredFile, std::filesystem::path>> open_by_link(const LinkSubject& subject,
                                                                   std::int64_t exp,
                                                                   const std::string& sig);
  // Records one use of a download link (file.downloaded).
  Async<void> record_download(const StoredFile& file, const LinkSubject& subject,
                              const std::string& ip);

  // Files written by another module (a gallery's tus uploads): the store itself, a whole file
  // recorded in the caller's transaction, its renditions, and deletion — rows in `tx`, bytes
  // by forget() once it committed.
  core::storage::FileStore& store() { return store_; }
  Async<StoredFile> record(core::db::Queryable& tx, const StoredFile& file);
  Async<void> set_renditions(core::db::Queryable& tx, const std::string& file_id,
                             const std::string& thumbnail_key, const std::string& preview_key,
                             int width, int height);
  // Deletes the rows; returns every storage key they had, for forget().
  Async<std::vector<std::string>> remove(core::db::Queryable& tx,
                                         const std::vector<std::string>& ids);
  void forget(const std::vector<std::string>& keys);
  // Housekeeping, one batch: uploads never attached within a day go, rows then bytes (a crash
  // in between leaves bytes without a row, never a row without bytes). Returns how many.
  Async<std::int64_t> purge_orphans();

 private:
  core::db::Pool& db_;
  core::events::Bus& events_;
  core::storage::FileStore store_;
  core::storage::LinkSigner signer_;
  boost::asio::thread_pool& blocking_;
  std::unique_ptr<FilesRepository> repository_;
};

}  // namespace declic::files
