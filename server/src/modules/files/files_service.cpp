#include "modules/files/files_service.hpp"

#include "core/error/try.hpp"
#include "core/util/blocking.hpp"
#include "core/util/uuid.hpp"
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

FilesService::FilesService(core::db::Pool& db, core::events::Bus& events,
                           std::filesystem::path data_dir, std::string_view link_secret,
                           boost::asio::thread_pool& blocking)
    : db_(db),
      events_(events),
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

namespace {
// "<id>:<variant>", and ":<user>" for a download link.
std::string signed_part(const LinkSubject& s) {
  auto subject = s.file_id + ":" + s.variant;
  if (s.downloaded_by) subject += ":" + *s.downloaded_by;
  return subject;
}
}  // namespace

std::string FilesService::content_url(const std::string& file_id, std::chrono::seconds ttl) const {
  return content_url(LinkSubject{file_id, "original", std::nullopt}, ttl);
}

std::string FilesService::content_url(const LinkSubject& subject, std::chrono::seconds ttl) const {
  const auto exp = static_cast<std::int64_t>(std::time(nullptr) + ttl.count());
  auto url = "/api/files/" + subject.file_id + "/content?variant=" + subject.variant +
             "&exp=" + std::to_string(exp);
  if (subject.downloaded_by) url += "&by=" + *subject.downloaded_by;
  return url + "&sig=" + signer_.sign(signed_part(subject), exp);
}

Async<std::pair<StoredFile, std::filesystem::path>> FilesService::open_by_link(
    const LinkSubject& subject, std::int64_t exp, const std::string& sig) {
  if (!signer_.valid(signed_part(subject), exp, sig, std::time(nullptr)))
    co_return Error::forbidden("This link is not valid or has expired.");
  DECLIC_CO_TRY(auto file, co_await repository_->get(db_, subject.file_id));
  const auto& key = subject.variant == "thumbnail" ? file.thumbnail_key
                    : subject.variant == "preview" ? file.preview_key
                                                   : std::optional<std::string>(file.storage_key);
  if (!key) co_return Error::not_found("file");
  auto path = store_.path_of(*key);
  co_return std::make_pair(std::move(file), std::move(path));
}

Async<void> FilesService::record_download(const StoredFile& file, const LinkSubject& subject,
                                          const std::string& ip) {
  core::events::Event e;
  e.type = "file.downloaded";
  e.subject_id = file.id;
  // A guest of a shared gallery downloads too, with no account to name.
  if (subject.downloaded_by && core::is_uuid(*subject.downloaded_by))
    e.actor_id = subject.downloaded_by;
  e.ip = ip;
  e.audience.staff = true;
  e.data = {{"fileId", file.id},
            {"variant", subject.variant},
            {"name", file.name},
            {"userId", subject.downloaded_by.value_or("")}};
  co_return co_await db_.transact(
      [&](core::db::Tx& tx) -> Async<void> { co_return co_await events_.publish(tx, e); });
}

Async<StoredFile> FilesService::record(core::db::Queryable& tx, const StoredFile& file) {
  co_return co_await repository_->insert(tx, file);
}

Async<void> FilesService::set_renditions(core::db::Queryable& tx, const std::string& file_id,
                                         const std::string& thumbnail_key,
                                         const std::string& preview_key, int width, int height) {
  co_return co_await repository_->set_renditions(tx, file_id, thumbnail_key, preview_key, width,
                                                 height);
}

Async<std::vector<std::string>> FilesService::remove(core::db::Queryable& tx,
                                                     const std::vector<std::string>& ids) {
  co_return co_await repository_->remove(tx, ids);
}

void FilesService::forget(const std::vector<std::string>& keys) {
  for (const auto& key : keys) store_.remove(key);
}

Async<std::int64_t> FilesService::purge_orphans() {
  constexpr int kOrphanHours = 24, kBatch = 200;
  DECLIC_CO_TRY(auto keys, co_await repository_->delete_orphans(db_, kOrphanHours, kBatch));
  for (const auto& key : keys) store_.remove(key);
  co_return static_cast<std::int64_t>(keys.size());
}

}  // namespace declic::files
