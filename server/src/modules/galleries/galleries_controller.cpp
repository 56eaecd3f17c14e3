#include "modules/galleries/galleries_controller.hpp"

#include "core/http/field_values.hpp"
#include "core/http/files.hpp"
#include "core/http/json.hpp"
#include "core/time/time.hpp"
#include "core/util/blocking.hpp"
#include "modules/galleries/galleries_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cstring>

namespace declic::galleries {

namespace json = boost::json;
namespace http = core::http;
using core::Error;
using http::JsonReader;
using http::problem;
using http::Request;

namespace {

constexpr std::size_t kTitleMax = 120;
constexpr std::int64_t kSelectionMax = 10000;
constexpr std::size_t kMaxPhotos = 10000;

std::string id_of(const Request& req) {
  return std::string(req.param("id"));
}

std::optional<std::string> read_downloads(JsonReader& r) {
  auto mode = r.optional_string("downloads", 1, 16);
  if (mode && std::none_of(std::begin(kDownloadModes), std::end(kDownloadModes),
                           [&](const char* m) { return *mode == m; }))
    r.invalid("downloads", "invalid", "NONE, PREVIEWS or ORIGINALS.");
  return mode;
}

// `expiresAt`: absent → nullopt; null → clear; else an RFC 3339 instant.
std::optional<std::optional<std::string>> read_expiry(JsonReader& r) {
  auto text = r.nullable_string("expiresAt", 40);
  if (text && *text && !core::time::parse_rfc3339_bound(**text))
    r.invalid("expiresAt", "invalid", "An RFC 3339 date and time.");
  return text;
}

std::optional<std::optional<int>> read_selection_max(JsonReader& r) {
  if (!r.has("selectionMax")) return std::nullopt;
  if (r.is_null("selectionMax")) return std::optional<int>{};
  auto max = r.optional_int("selectionMax", 1, kSelectionMax);
  return max ? std::optional<int>(static_cast<int>(*max)) : std::nullopt;
}

http::Response gallery_reply(int status, const GalleryView& v) {
  return http::json_reply(status, gallery_json(v));
}

template <class T, class Encode>
http::Response items_reply(const std::vector<T>& items, Encode encode) {
  json::array out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(encode(item));
  return http::json_reply(200, http::list_body(std::move(out)));
}

// A part of an archive, produced as it is sent. The photos' bytes are read on the blocking
// pool a block at a time (a few pool round trips per megabyte rather than one per socket
// write), so the event loop never waits for the disk; memory stays one block per download.
class ArchiveSource final : public http::BodySource {
 public:
  static constexpr std::size_t kBlock = 1 << 20;

  ArchiveSource(std::shared_ptr<const core::zip::Archive> archive, std::uint64_t first,
                std::uint64_t length, boost::asio::thread_pool& pool)
      : archive_(std::move(archive)), pool_(pool), next_(first), end_(first + length) {}

  boost::asio::awaitable<core::Result<std::size_t>> read(std::span<char> into) override {
    if (taken_ == block_.size()) {
      if (next_ == end_) co_return std::size_t{0};
      auto filled = co_await refill();
      if (!filled) co_return filled.error();
    }
    const auto n = std::min(into.size(), block_.size() - taken_);
    std::memcpy(into.data(), block_.data() + taken_, n);
    taken_ += n;
    co_return n;
  }

 private:
  core::Async<std::size_t> refill() {
    block_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(kBlock, end_ - next_)));
    auto read_block = [archive = archive_, offset = next_, into = std::span<char>(block_)] {
      return archive->read_at(offset, into);
    };
    auto filled = co_await core::run_blocking(pool_, std::move(read_block));
    if (!filled) co_return filled;
    if (*filled == 0) {  // read_at is past the end only if the layout is wrong
      auto e = Error::internal();
      e.cause = "zip: the archive ended before its announced length";
      co_return e;
    }
    block_.resize(*filled);
    taken_ = 0;
    next_ += *filled;
    co_return filled;
  }

  std::shared_ptr<const core::zip::Archive> archive_;
  boost::asio::thread_pool& pool_;
  std::uint64_t next_, end_;
  std::vector<char> block_;
  std::size_t taken_ = 0;
};

http::Response zip_response(const Request& req, const ArchiveDownload& zip,
                            boost::asio::thread_pool& pool) {
  http::FileReply reply;
  reply.content_type = "application/zip";
  reply.disposition = http::content_disposition(zip.file_name);
  const http::SourceAt open = [archive = zip.archive, &pool](std::uint64_t first,
                                                             std::uint64_t length) {
    return std::make_shared<ArchiveSource>(archive, first, length, pool);
  };
  return http::source_response(req, zip.archive->size(), zip.etag, open, reply);
}

}  // namespace

http::Reply GalleriesController::create(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  NewGallery g;
  auto title = r.required_string("title", 1, kTitleMax);
  auto expiry = read_expiry(r);
  g.watermark = r.optional_bool("watermark").value_or(false);
  auto downloads = read_downloads(r);
  auto max = read_selection_max(r);
  if (auto e = r.error()) co_return problem(*e);
  g.title = std::move(*title);
  g.expires_at = expiry.value_or(std::nullopt);
  g.downloads = downloads.value_or("ORIGINALS");
  g.selection_max = max.value_or(std::nullopt);
  auto made = co_await service_.create(*req.principal, id_of(req), std::move(g));
  if (!made) co_return problem(made.error());
  co_return gallery_reply(201, *made);
}

http::Reply GalleriesController::list(Request& req) {
  const auto project = req.query_param("projectId");
  auto found = co_await service_.list(*req.principal, project);
  if (!found) co_return problem(found.error());
  co_return items_reply(*found, gallery_json);
}

http::Reply GalleriesController::get(Request& req) {
  auto g = co_await service_.get(*req.principal, id_of(req));
  if (!g) co_return problem(g.error());
  co_return gallery_reply(200, *g);
}

http::Reply GalleriesController::update(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  GalleryChange c;
  c.title = r.optional_string("title", 1, kTitleMax);
  c.expires_at = read_expiry(r);
  c.watermark = r.optional_bool("watermark");
  c.downloads = read_downloads(r);
  c.selection_max = read_selection_max(r);
  c.cover_file_id = r.optional_string("coverFileId", 36, 36);
  if (auto e = r.error()) co_return problem(*e);
  auto g = co_await service_.update(*req.principal, id_of(req), c);
  if (!g) co_return problem(g.error());
  co_return gallery_reply(200, *g);
}

http::Reply GalleriesController::remove(Request& req) {
  auto done = co_await service_.remove(*req.principal, id_of(req));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply GalleriesController::publish(Request& req) {
  auto g = co_await service_.publish(*req.principal, id_of(req));
  if (!g) co_return problem(g.error());
  co_return gallery_reply(200, *g);
}

http::Reply GalleriesController::reorder(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto ids = r.id_list("fileIds", 1, kMaxPhotos);
  if (auto e = r.error()) co_return problem(*e);
  auto done = co_await service_.reorder(*req.principal, id_of(req), *ids);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply GalleriesController::photos(Request& req) {
  auto found = co_await service_.photos(*req.principal, id_of(req));
  if (!found) co_return problem(found.error());
  co_return items_reply(*found, photo_json);
}

http::Reply GalleriesController::remove_photo(Request& req) {
  auto done = co_await service_.remove_photo(*req.principal, id_of(req));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply GalleriesController::favorite(Request& req) {
  auto done = co_await service_.set_favorite(*req.principal, id_of(req), req.method == "PUT");
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply GalleriesController::comment(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto text = r.optional_string("comment", 0, 1000);
  if (!text && !r.has("comment")) r.invalid("comment", "required", "A comment, or \"\" to clear.");
  if (auto e = r.error()) co_return problem(*e);
  auto done = co_await service_.set_comment(*req.principal, id_of(req), text.value_or(""));
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply GalleriesController::submit(Request& req) {
  auto g = co_await service_.submit_selection(*req.principal, id_of(req));
  if (!g) co_return problem(g.error());
  co_return gallery_reply(200, *g);
}

http::Reply GalleriesController::reopen(Request& req) {
  auto g = co_await service_.reopen_selection(*req.principal, id_of(req));
  if (!g) co_return problem(g.error());
  co_return gallery_reply(200, *g);
}

http::Reply GalleriesController::selection(Request& req) {
  auto s = co_await service_.selection(*req.principal, id_of(req));
  if (!s) co_return problem(s.error());
  co_return http::json_reply(200, selection_json(*s));
}

http::Reply GalleriesController::downloads(Request& req) {
  auto log = co_await service_.downloads(*req.principal, id_of(req));
  if (!log) co_return problem(log.error());
  co_return items_reply(*log, download_json);
}

http::Reply GalleriesController::usage(Request&) {
  auto u = co_await service_.usage();
  if (!u) co_return problem(u.error());
  co_return http::json_reply(200, usage_json(*u));
}

// The zip, streamed; a Range resumes it (206), as for any file.
http::Reply GalleriesController::archive(Request& req) {
  const auto exp = http::parse_integer(req.query_param("exp").value_or(""));
  if (!exp) co_return problem(Error::forbidden("This link is not valid or has expired."));
  const auto range_header = req.header("range");
  const bool first = !req.head && (range_header.empty() || range_header.starts_with("bytes=0-"));
  const auto id = id_of(req);
  const auto kind = req.query_param("kind").value_or("");
  const auto by = req.query_param("by").value_or("");
  const auto sig = req.query_param("sig").value_or("");
  auto found = co_await service_.archive(id, kind, by, *exp, sig, first, req.remote_ip);
  if (!found) co_return problem(found.error());
  co_return zip_response(req, *found, blocking_);
}

http::Reply GalleriesController::create_share(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto pin = r.required_string("pin", 4, 8);
  const bool downloads = r.optional_bool("downloads").value_or(false);
  auto expiry = read_expiry(r);
  if (auto e = r.error()) co_return problem(*e);
  auto share = co_await service_.create_share(*req.principal, id_of(req), std::move(*pin),
                                              downloads, expiry.value_or(std::nullopt));
  if (!share) co_return problem(share.error());
  co_return http::json_reply(201, share_json(*share, service_.share_url(*share)));
}

http::Reply GalleriesController::shares(Request& req) {
  auto found = co_await service_.shares(*req.principal, id_of(req));
  if (!found) co_return problem(found.error());
  co_return items_reply(*found,
                        [this](const Share& s) { return share_json(s, service_.share_url(s)); });
}

http::Reply GalleriesController::revoke_share(Request& req) {
  const auto share = std::string(req.param("shareId"));
  auto done = co_await service_.revoke_share(*req.principal, id_of(req), share);
  if (!done) co_return problem(done.error());
  co_return http::Response::no_content();
}

http::Reply GalleriesController::unlock_share(Request& req) {
  auto body = http::parse_object(req);
  if (!body) co_return problem(body.error());
  JsonReader r(*body);
  auto pin = r.required_string("pin", 1, 16);
  if (auto e = r.error()) co_return problem(*e);
  const auto token = std::string(req.param("token"));
  auto session = co_await service_.unlock_share(token, std::move(*pin));
  if (!session) co_return problem(session.error());
  co_return http::json_reply(200, json::object{{"session", *session}});
}

// The guest's session travels in `Share-Session` (never in the link: links get passed on).
http::Reply GalleriesController::shared(Request& req) {
  const auto token = std::string(req.param("token"));
  const auto session = std::string(req.header("share-session"));
  auto found = co_await service_.shared(token, session);
  if (!found) co_return problem(found.error());
  co_return http::json_reply(200, shared_json(*found));
}

}  // namespace declic::galleries
