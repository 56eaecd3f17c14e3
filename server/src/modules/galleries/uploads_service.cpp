#include "modules/galleries/uploads_service.hpp"

#include "core/error/try.hpp"
#include "core/image/image.hpp"
#include "core/util/blocking.hpp"
#include "modules/galleries/galleries_repository.hpp"
#include "modules/galleries/galleries_service.hpp"

namespace declic::galleries {

using core::Error;

namespace {
constexpr std::size_t kSniffBytes = 12;  // enough for every signature sniff_mime knows

Error not_a_photo() {
  return Error::unsupported_media_type("Send JPEG, PNG, WebP, HEIC or TIFF photos.");
}
}  // namespace

ChunkWriter::ChunkWriter(Upload upload, core::storage::PartFile part, bool want_sha1)
    : upload_(std::move(upload)),
      part_(std::move(part)),
      sha1_(want_sha1 ? std::make_optional<core::auth::Sha1>() : std::nullopt) {}
ChunkWriter::ChunkWriter(ChunkWriter&&) noexcept = default;
ChunkWriter::~ChunkWriter() = default;

core::Result<void> ChunkWriter::write(std::string_view bytes) {
  if (part_.size() + bytes.size() > static_cast<std::uint64_t>(upload_.length)) {
    overflowed_ = true;
    return Error::payload_too_large("More bytes than the upload's length.");
  }
  if (upload_.offset == 0 && head_.size() < kSniffBytes)
    head_.append(bytes.substr(0, kSniffBytes - head_.size()));
  if (sha1_) sha1_->update(bytes);
  return part_.write(bytes);
}

bool ChunkWriter::plausible() const {
  if (upload_.offset != 0 || head_.size() < kSniffBytes) return true;
  const auto mime = core::storage::sniff_mime(head_);
  return mime && core::image::allowed_mime(*mime);
}

UploadsService::UploadsService(core::db::Pool& db, GalleriesService& galleries,
                               core::storage::FileStore& store, boost::asio::thread_pool& blocking)
    : db_(db),
      galleries_(galleries),
      store_(store),
      blocking_(blocking),
      repository_(std::make_unique<GalleriesRepository>()) {}
UploadsService::~UploadsService() = default;

Async<Upload> UploadsService::create(const Principal& me, const std::string& gallery_id,
                                     std::string name, std::int64_t length) {
  if (length <= 0)
    co_return Error::validation({{"Upload-Length", "invalid", "An upload has at least one byte."}});
  DECLIC_CO_TRYV(co_await galleries_.admit_upload(db_, gallery_id, length));
  DECLIC_CO_TRY(auto key, store_.reserve_part());
  const auto safe = core::storage::safe_file_name(name);
  auto made = co_await repository_->insert_upload(db_, gallery_id, me.id(), safe, length, key);
  if (!made) store_.remove_part(key);
  co_return made;
}

Async<Appended> UploadsService::status(const Principal& me, const std::string& id) {
  DECLIC_CO_TRY(auto upload, co_await repository_->upload(db_, id));
  if (upload.offset == upload.length) co_return co_await complete(me, upload);
  co_return Appended{upload.offset, upload.length, std::nullopt, false};
}

Async<ChunkWriter> UploadsService::begin(const std::string& id, std::int64_t offset,
                                         bool want_sha1) {
  DECLIC_CO_TRY(auto upload, co_await repository_->upload(db_, id));
  if (offset != upload.offset)
    co_return Error::conflict("offset_mismatch",
                              "Upload-Offset is not where the upload stands; ask with HEAD.");
  DECLIC_CO_TRY(auto part,
                store_.open_part(upload.storage_key, static_cast<std::uint64_t>(upload.offset)));
  co_return ChunkWriter(std::move(upload), std::move(part), want_sha1);
}

Async<Appended> UploadsService::finish(const Principal& me, ChunkWriter writer, bool whole,
                                       const std::optional<std::string>& sha1) {
  const auto from = writer.upload_.offset;
  if (!writer.plausible()) {
    DECLIC_CO_TRYV(co_await drop(writer.upload_));
    co_return not_a_photo();
  }
  if (writer.overflowed_) {
    DECLIC_CO_TRYV(writer.part_.truncate(static_cast<std::uint64_t>(from)));
    co_return Error::payload_too_large("More bytes than the upload's length.");
  }
  if (sha1 && (!whole || writer.sha1_->bytes() != *sha1)) {
    DECLIC_CO_TRYV(writer.part_.truncate(static_cast<std::uint64_t>(from)));
    if (!whole) co_return Error::bad_request("The chunk was cut short.", "incomplete_body");
    co_return Error::checksum_mismatch();
  }
  const auto to = static_cast<std::int64_t>(writer.part_.size());
  if (to != from) {
    // On disk before acknowledged: an offset the server gave is never lost.
    auto sync = [part = &writer.part_] { return part->sync(); };
    DECLIC_CO_TRYV(co_await core::run_blocking(blocking_, std::move(sync)));
    DECLIC_CO_TRY(auto moved,
                  co_await repository_->advance_upload(db_, writer.upload_.id, from, to));
    if (!moved) co_return Error::conflict("offset_mismatch", "The upload moved meanwhile.");
  }
  auto upload = writer.upload_;
  upload.offset = to;
  if (to == upload.length) co_return co_await complete(me, upload);
  co_return Appended{to, upload.length, std::nullopt, false};
}

Async<Appended> UploadsService::complete(const Principal& me, const Upload& upload) {
  // A photo whose header reads, or 415: what claims to be a JPEG and is not never enters
  // a gallery.
  auto digest = [store = &store_,
                 key = upload.storage_key]() -> core::Result<core::storage::Digest> {
    if (auto moved = store->complete_part(key); !moved) return moved.error();
    if (auto photo = core::image::probe(store->path_of(key)); !photo) return photo.error();
    return store->digest(key);
  };
  auto d = co_await core::run_blocking(blocking_, std::move(digest));
  if (!d) co_return co_await refuse(upload, d.error());
  auto added = co_await galleries_.add_photo(me, upload, *d);
  if (!added) co_return co_await refuse(upload, added.error());
  if (added->duplicate) store_.remove(upload.storage_key);
  co_return Appended{upload.length, upload.length, added->file_id, added->duplicate};
}

Async<Appended> UploadsService::refuse(const Upload& upload, const Error& e) {
  // Not a photo the gallery takes: the upload goes, bytes and all. Anything else (the
  // database away) leaves it to finish on the next HEAD.
  if (e.errc == core::Errc::unsupported_media_type || e.errc == core::Errc::validation) {
    DECLIC_CO_TRYV(co_await drop(upload));
    store_.remove(upload.storage_key);
  }
  co_return e;
}

Async<void> UploadsService::drop(const Upload& upload) {
  DECLIC_CO_TRYV(co_await repository_->remove_upload(db_, upload.id));
  store_.remove_part(upload.storage_key);
  co_return core::Result<void>{};
}

Async<void> UploadsService::terminate(const std::string& id) {
  DECLIC_CO_TRY(auto key, co_await repository_->remove_upload(db_, id));
  if (!key) co_return Error::not_found("upload");
  store_.remove_part(*key);
  co_return core::Result<void>{};
}

Async<std::int64_t> UploadsService::purge_expired() {
  constexpr int kBatch = 200;
  DECLIC_CO_TRY(auto keys, co_await repository_->remove_expired_uploads(db_, kBatch));
  for (const auto& key : keys) store_.remove_part(key);
  co_return static_cast<std::int64_t>(keys.size());
}

}  // namespace declic::galleries
