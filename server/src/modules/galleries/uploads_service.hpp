#pragma once
// tus 1.0 uploads into a gallery (core, creation, creation-with-upload, termination,
// expiration, checksum with sha1): each request appends bytes at the offset the server
// acknowledged, into a part file that only becomes a photo of the gallery once whole — its
// type checked by content, its SHA-256 and CRC-32 computed once, a duplicate of a photo the
// gallery holds dropped. A cut connection keeps what arrived (unless a checksum was
// announced: then the chunk is all or nothing). An upload untouched for a day expires.

#include "core/async.hpp"
#include "core/auth/principal.hpp"
#include "core/auth/tokens.hpp"
#include "core/db/db.hpp"
#include "core/storage/storage.hpp"
#include "modules/galleries/galleries_model.hpp"

#include <boost/asio/thread_pool.hpp>

#include <memory>
#include <optional>

namespace declic::galleries {

using core::Async;
using core::auth::Principal;

class GalleriesRepository;
class GalleriesService;

// The bytes of one PATCH (or of a POST with its first bytes), as they arrive.
class ChunkWriter {
 public:
  ChunkWriter(Upload upload, core::storage::PartFile part, bool want_sha1);
  ChunkWriter(ChunkWriter&&) noexcept;
  ~ChunkWriter();
  // 413 past the upload's length (and the whole chunk is then dropped).
  core::Result<void> write(std::string_view bytes);
  // False once the first bytes of the file show a type a gallery does not take.
  bool plausible() const;
  const Upload& upload() const { return upload_; }

 private:
  friend class UploadsService;
  Upload upload_;
  core::storage::PartFile part_;
  std::optional<core::auth::Sha1> sha1_;
  std::string head_;
  bool overflowed_ = false;
};

struct Appended {
  std::int64_t offset = 0, length = 0;
  std::optional<std::string> file_id;  // once complete
  bool duplicate = false;
};

class UploadsService {
 public:
  UploadsService(core::db::Pool& db, GalleriesService& galleries, core::storage::FileStore& store,
                 boost::asio::thread_pool& blocking);
  ~UploadsService();

  Async<Upload> create(const Principal& me, const std::string& gallery_id, std::string name,
                       std::int64_t length);
  // 404 unknown, 410 expired. An upload whose bytes all arrived but which a crash left
  // unfinished is finished here.
  Async<Appended> status(const Principal& me, const std::string& id);
  // 409 unless `offset` is the acknowledged one; 409 `upload_locked` while another request
  // writes it.
  Async<ChunkWriter> begin(const std::string& id, std::int64_t offset, bool want_sha1);
  // What arrived is kept, up to where `whole` (the body ended as announced) and the checksum
  // (`sha1`, raw bytes) allow: 460 when it does not match. 415 (and the upload dropped) when
  // the file is not a photo.
  Async<Appended> finish(const Principal& me, ChunkWriter writer, bool whole,
                         const std::optional<std::string>& sha1);
  Async<void> terminate(const std::string& id);
  // Housekeeping: expired uploads, rows then bytes. Returns how many.
  Async<std::int64_t> purge_expired();

 private:
  Async<Appended> complete(const Principal& me, const Upload& upload);
  Async<Appended> refuse(const Upload& upload, const core::Error& e);
  Async<void> drop(const Upload& upload);

  core::db::Pool& db_;
  GalleriesService& galleries_;
  core::storage::FileStore& store_;
  boost::asio::thread_pool& blocking_;
  std::unique_ptr<GalleriesRepository> repository_;
};

}  // namespace declic::galleries
