#include "modules/files/files_service.hpp"

#include "core/error/try.hpp"
#include "core/util/blocking.hpp"
#include "modules/files/files_repository.hpp"

#include <algorithm>
#include <ctime>

namespace declic::files {

using core::Error;

namespace {
constexpr std::size_t kSniffBytes = 12;  // enough for every signature sniff_mime knows

bool allowed_type(const std::optional<std::string>& mime, const std::vector<std::string>& allowed) {
  return mime && std::find(allowed.begin(), allowed.end(), *mime) != allowed.end();
}

Error unsupported() {
  return Error::unsupported_media_type("Only PDF, JPEG, PNG and HEIC files can be sent.");
}
}  // namespace

FilesService::FilesService(core::db::Pool& db, std::filesystem::path data_dir,
                           std::string_view link_secret, boost::asio::thread_pool& blocking)
    : db_(db),
      store_(std::move(data_dir)),
      signer_(link_secret),
      blocking_(blocking),
      repository_(std::make_unique<FilesRepository>()) {}
FilesService::~FilesService() = default;

core::Result<core::storage::Upload> FilesService::begin_upload() {
  return store_.create();
}

bool FilesService::plausible(const core::storage::Upload& upload,
                             const std::vector<std::string>& allowed) {
  if (upload.head().size() < kSniffBytes) return true;
  return allowed_type(core::storage::sniff_mime(upload.head()), allowed);
}

Async<StoredFile> FilesService::finish_upload(const std::string& owner_id,
                                              core::storage::Upload upload, std::string name,
                                              std::string purpose,
                                              const std::vector<std::string>& allowed) {
  const auto mime = core::storage::sniff_mime(upload.head());
  if (!allowed_type(mime, allowed)) co_return unsupported();
  StoredFile f;
  f.purpose = std::move(purpose);
  f.owner_id = owner_id;
  f.name = core::storage::safe_file_name(name);
  f.mime_type = *mime;
  f.size_bytes = static_cast<std::int64_t>(upload.size());
  f.sha256 = upload.sha256_hex();
  // fsync waits for the disk: not on the event loop.
  auto flush = [u = std::make_shared<core::storage::Upload>(std::move(upload))] {
    return u->commit();
  };
  DECLIC_CO_TRY(f.storage_key, co_await core::run_blocking(blocking_, std::move(flush)));
  auto recorded = co_await repository_->insert(db_, f);
  if (!recorded) store_.remove(f.storage_key);  // nothing refers to it
  co_return recorded;
}

Async<std::vector<StoredFile>> FilesService::find_many(core::db::Queryable& db,
                                                       const std::vector<std::string>& ids) {
  co_return co_await repository_->find_many(db, ids);
}

std::string FilesService::content_url(const std::string& file_id, std::chrono::seconds ttl) const {
  const auto exp = static_cast<std::int64_t>(std::time(nullptr) + ttl.count());
  return "/api/files/" + file_id + "/content?variant=original&exp=" + std::to_string(exp) +
         "&sig=" + signer_.sign(file_id + ":original", exp);
}

Async<std::pair<StoredFile, std::filesystem::path>> FilesService::open_by_link(
    const std::string& id, const std::string& variant, std::int64_t exp, const std::string& sig) {
  if (!signer_.valid(id + ":" + variant, exp, sig, std::time(nullptr)))
    co_return Error::forbidden("This link is not valid or has expired.");
  DECLIC_CO_TRY(auto file, co_await repository_->get(db_, id));
  auto path = store_.path_of(file.storage_key);
  co_return std::make_pair(std::move(file), std::move(path));
}

Async<std::int64_t> FilesService::purge_orphans() {
  constexpr int kOrphanHours = 24, kBatch = 200;
  DECLIC_CO_TRY(auto keys, co_await repository_->delete_orphans(db_, kOrphanHours, kBatch));
  for (const auto& key : keys) store_.remove(key);
  co_return static_cast<std::int64_t>(keys.size());
}

}  // namespace declic::files
