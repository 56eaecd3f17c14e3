#include "modules/galleries/galleries_service.hpp"

#include "core/auth/password.hpp"
#include "core/auth/tokens.hpp"
#include "core/error/try.hpp"
#include "core/image/image.hpp"
#include "core/log/log.hpp"
#include "core/util/blocking.hpp"
#include "core/util/uuid.hpp"
#include "modules/galleries/galleries_repository.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/strand.hpp>

#include <algorithm>
#include <ctime>

namespace declic::galleries {

namespace asio = boost::asio;
using core::Error;

namespace {

constexpr std::chrono::minutes kLinkLifetime{15};
constexpr std::chrono::hours kGuestSession{12};
constexpr std::string_view kGuestPrefix = "share:";
constexpr std::size_t kPinMin = 4, kPinMax = 8;
constexpr std::chrono::seconds kIdlePoll{2};  // uploads finished on another server
constexpr std::size_t kMaxComment = 1000;

Error no_gallery() {
  return Error::not_found("gallery");
}

Error submitted() {
  return Error::conflict("selection_submitted",
                         "The selection was sent to the studio; ask them to reopen it.");
}

std::int64_t expiry_of(std::chrono::seconds ttl) {
  return static_cast<std::int64_t>(std::time(nullptr) + ttl.count());
}

std::string archive_subject(const std::string& id, const std::string& kind, const std::string& by) {
  return "gallery:" + id + ":" + kind + ":" + by;
}

core::events::Event gallery_event(std::string_view what, const Gallery& g,
                                  const std::optional<std::string>& actor) {
  core::events::Event e;
  e.type = "gallery." + std::string(what);
  e.subject_id = g.id;
  e.actor_id = actor;
  const bool for_client = what == "published" || what == "expiring";
  e.audience = {true,
                for_client ? std::vector<std::string>{g.client.id} : std::vector<std::string>{}};
  e.data = {{"galleryId", g.id},
            {"projectId", g.project_id},
            {"title", g.title},
            {"clientId", g.client.id},
            {"clientName", g.client.name}};
  if (g.expires_at) e.data["expiresAt"] = *g.expires_at;
  return e;
}

}  // namespace

std::string lightroom_filter(const std::vector<Photo>& photos) {
  std::string out;
  for (const auto& p : photos) {
    const auto dot = p.name.rfind('.');
    out +=
        (out.empty() ? "" : " OR ") + (dot == std::string::npos ? p.name : p.name.substr(0, dot));
  }
  return out;
}

GalleriesService::GalleriesService(core::db::Pool& db, core::events::Bus& events,
                                   asio::any_io_executor executor, const Imports& imports,
                                   Options options)
    : db_(db),
      events_(events),
      executor_(asio::make_strand(executor)),
      imports_(imports),
      options_(std::move(options)),
      signer_(options_.link_secret),
      repository_(std::make_unique<GalleriesRepository>()),
      pool_(core::make_background_pool(std::max(1u, options_.workers))),
      wake_(executor_) {}

GalleriesService::~GalleriesService() {
  pool_->join();
}

// --- views -----------------------------------------------------------------------------

GalleryView GalleriesService::view(const Viewer& v, Gallery g) const {
  GalleryView out;
  if (g.cover_file_id)
    out.cover_url =
        imports_.files.content_url({*g.cover_file_id, "thumbnail", std::nullopt}, kLinkLifetime);
  const bool may_zip =
      v.staff ||
      (!g.expired && (v.guest_downloads ? *v.guest_downloads : g.downloads == "ORIGINALS"));
  const auto zip_url = [&](const char* kind) {
    const auto exp = expiry_of(kLinkLifetime);
    return "/api/galleries/" + g.id + "/archive?kind=" + kind + "&by=" + v.id +
           "&exp=" + std::to_string(exp) +
           "&sig=" + signer_.sign(archive_subject(g.id, kind, v.id), exp);
  };
  if (may_zip && g.file_count > 0) out.archive_url = zip_url("all");
  if (may_zip && g.favorite_count > 0 && !v.guest_downloads)
    out.favorites_archive_url = zip_url("favorites");
  out.gallery = std::move(g);
  return out;
}

PhotoView GalleriesService::view(const Viewer& v, const Gallery& g, Photo p) const {
  PhotoView out;
  auto link = [&](const char* variant, bool download) {
    files::LinkSubject s{p.file_id, variant, std::nullopt};
    if (download) s.downloaded_by = v.id;
    return imports_.files.content_url(s, kLinkLifetime);
  };
  if (p.has_renditions) {
    out.thumbnail_url = link("thumbnail", false);
    out.preview_url = link("preview", false);
  }
  if (v.guest_downloads) {  // a guest: the client's choices are theirs alone
    p.favorite = false;
    p.comment.reset();
    if (*v.guest_downloads) out.download_url = link("original", true);
  } else if (v.staff || g.downloads == "ORIGINALS") {
    out.download_url = link("original", true);
  } else if (g.downloads == "PREVIEWS" && p.has_renditions) {
    out.download_url = link("preview", true);
  }
  out.photo = std::move(p);
  return out;
}

Async<Gallery> GalleriesService::visible(core::db::Queryable& db, const Principal& me,
                                         const std::string& id) {
  DECLIC_CO_TRY(auto g, co_await repository_->find(db, id));
  if (!me.is_staff() && (g.client.id != me.id() || !g.published)) co_return no_gallery();
  co_return g;
}

Async<void> GalleriesService::changed(core::db::Queryable& tx, const Gallery& g,
                                      const Principal& me, std::string_view what) {
  const auto e = gallery_event(what, g, me.id());
  co_return co_await events_.publish(tx, e);
}

// --- galleries -------------------------------------------------------------------------

Async<GalleryView> GalleriesService::create(const Principal& me, const std::string& project_id,
                                            NewGallery g) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<GalleryView> {
    DECLIC_CO_TRY(auto exists, co_await repository_->project_exists(tx, project_id));
    if (!exists) co_return Error::not_found("project");
    DECLIC_CO_TRY(auto id, co_await repository_->insert(tx, project_id, g, me.id()));
    DECLIC_CO_TRY(auto made, co_await repository_->find(tx, id));
    DECLIC_CO_TRYV(co_await changed(tx, made, me, "created"));
    co_return view(me, std::move(made));
  });
}

Async<std::vector<GalleryView>> GalleriesService::list(
    const Principal& me, const std::optional<std::string>& project_id) {
  const auto client = me.is_staff() ? std::nullopt : std::optional<std::string>(me.id());
  DECLIC_CO_TRY(auto found, co_await repository_->list(db_, project_id, client));
  std::vector<GalleryView> out;
  for (auto& g : found) out.push_back(view(me, std::move(g)));
  co_return out;
}

Async<GalleryView> GalleriesService::get(const Principal& me, const std::string& id) {
  DECLIC_CO_TRY(auto g, co_await visible(db_, me, id));
  co_return view(me, std::move(g));
}

Async<GalleryView> GalleriesService::update(const Principal& me, const std::string& id,
                                            const GalleryChange& c) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<GalleryView> {
    DECLIC_CO_TRY(auto before, co_await repository_->find(tx, id, true));
    if (c.cover_file_id) {
      auto cover = co_await repository_->photo(tx, *c.cover_file_id);
      if (!cover || cover->gallery_id != id)
        co_return Error::validation(
            {{"coverFileId", "unknown_photo", "Choose a photo of this gallery."}});
    }
    DECLIC_CO_TRYV(co_await repository_->update(tx, id, c));
    if (c.watermark && *c.watermark != before.watermark) {
      DECLIC_CO_TRYV(co_await repository_->reprocess(tx, id));
      tx.after_commit([this] { wake(); });
    }
    DECLIC_CO_TRY(auto after, co_await repository_->find(tx, id));
    DECLIC_CO_TRYV(co_await changed(tx, after, me, "edited"));
    co_return view(me, std::move(after));
  });
}

Async<void> GalleriesService::remove(const Principal& me, const std::string& id) {
  std::vector<std::string> keys;
  auto removed = co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, id, true));
    DECLIC_CO_TRY(auto file_ids, co_await repository_->photo_ids(tx, id));
    DECLIC_CO_TRY(auto parts, co_await repository_->upload_keys(tx, id));
    DECLIC_CO_TRYV(co_await repository_->remove(tx, id));
    DECLIC_CO_TRY(keys, co_await imports_.files.remove(tx, file_ids));
    for (auto& part : parts) keys.push_back(part + ".part");
    co_return co_await changed(tx, g, me, "deleted");
  });
  if (!removed) co_return removed.error();
  // Rows first, bytes once they are gone: a crash in between leaves bytes, never a dangling row.
  imports_.files.forget(keys);
  co_return core::Result<void>{};
}

Async<GalleryView> GalleriesService::publish(const Principal& me, const std::string& id) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<GalleryView> {
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, id, true));
    if (g.published) co_return view(me, std::move(g));  // once: the client is told once
    DECLIC_CO_TRYV(co_await repository_->publish(tx, id));
    DECLIC_CO_TRY(auto after, co_await repository_->find(tx, id));
    DECLIC_CO_TRYV(co_await changed(tx, after, me, "published"));
    co_return view(me, std::move(after));
  });
}

Async<void> GalleriesService::reorder(const Principal& me, const std::string& id,
                                      const std::vector<std::string>& file_ids) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, id, true));
    DECLIC_CO_TRY(auto fits, co_await repository_->reorder(tx, id, file_ids));
    if (!fits)
      co_return Error::validation(
          {{"fileIds", "not_the_gallery", "List every photo of the gallery, once each."}});
    co_return co_await changed(tx, g, me, "reordered");
  });
}

// --- photos ----------------------------------------------------------------------------

Async<std::vector<PhotoView>> GalleriesService::photos(const Principal& me,
                                                       const std::string& gallery_id) {
  DECLIC_CO_TRY(auto g, co_await visible(db_, me, gallery_id));
  if (!me.is_staff() && g.expired)
    co_return Error::gone("gallery_expired", "This gallery has expired; ask the studio.");
  DECLIC_CO_TRY(auto found, co_await repository_->photos(db_, gallery_id, false));
  std::vector<PhotoView> out;
  for (auto& p : found) out.push_back(view(viewer_of(me), g, std::move(p)));
  co_return out;
}

Async<void> GalleriesService::remove_photo(const Principal& me, const std::string& file_id) {
  std::vector<std::string> keys;
  const std::vector<std::string> ids{file_id};
  auto removed = co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto p, co_await repository_->photo(tx, file_id));
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, p.gallery_id, true));
    DECLIC_CO_TRY(keys, co_await imports_.files.remove(tx, ids));
    co_return co_await changed(tx, g, me, "photo_removed");
  });
  if (!removed) co_return removed.error();
  imports_.files.forget(keys);
  co_return core::Result<void>{};
}

// The gallery of a client's photo, locked, while they may still change their selection.
Async<Gallery> GalleriesService::open_selection(core::db::Queryable& db, const Principal& me,
                                                const std::string& gallery_id) {
  DECLIC_CO_TRY(auto g, co_await repository_->find(db, gallery_id, true));
  if (g.client.id != me.id() || !g.published) co_return no_gallery();
  if (g.expired) co_return Error::gone("gallery_expired", "This gallery has expired.");
  if (g.selection_submitted_at) co_return submitted();
  co_return g;
}

Async<void> GalleriesService::set_favorite(const Principal& me, const std::string& file_id,
                                           bool favorite) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto p, co_await repository_->photo(tx, file_id));
    DECLIC_CO_TRY(auto g, co_await open_selection(tx, me, p.gallery_id));
    if (favorite && !p.favorite && g.selection_max && g.favorite_count >= *g.selection_max)
      co_return Error::validation({{"favorite", "selection_full",
                                    "You already chose " + std::to_string(*g.selection_max) +
                                        " photos; remove one first."}});
    co_return co_await repository_->set_favorite(tx, file_id, favorite);
  });
}

Async<void> GalleriesService::set_comment(const Principal& me, const std::string& file_id,
                                          std::string comment) {
  if (comment.size() > kMaxComment)
    co_return Error::validation({{"comment", "too_long", "At most 1000 characters."}});
  const auto text = comment.empty() ? std::nullopt : std::optional<std::string>(comment);
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<void> {
    DECLIC_CO_TRY(auto p, co_await repository_->photo(tx, file_id));
    DECLIC_CO_TRY(auto g, co_await open_selection(tx, me, p.gallery_id));
    co_return co_await repository_->set_comment(tx, file_id, text);
  });
}

Async<GalleryView> GalleriesService::submit_selection(const Principal& me,
                                                      const std::string& gallery_id) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<GalleryView> {
    DECLIC_CO_TRY(auto g, co_await open_selection(tx, me, gallery_id));
    if (g.favorite_count == 0)
      co_return Error::validation({{"selection", "empty", "Mark at least one photo first."}});
    if (g.selection_max && g.favorite_count > *g.selection_max)
      co_return Error::validation({{"selection", "selection_full", "Too many photos chosen."}});
    DECLIC_CO_TRYV(co_await repository_->set_submitted(tx, gallery_id, true));
    DECLIC_CO_TRY(auto after, co_await repository_->find(tx, gallery_id));
    DECLIC_CO_TRYV(co_await changed(tx, after, me, "selection_submitted"));
    co_return view(me, std::move(after));
  });
}

Async<GalleryView> GalleriesService::reopen_selection(const Principal& me,
                                                      const std::string& gallery_id) {
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<GalleryView> {
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, gallery_id, true));
    DECLIC_CO_TRYV(co_await repository_->set_submitted(tx, gallery_id, false));
    DECLIC_CO_TRY(auto after, co_await repository_->find(tx, gallery_id));
    DECLIC_CO_TRYV(co_await changed(tx, after, me, "selection_reopened"));
    co_return view(me, std::move(after));
  });
}

Async<Selection> GalleriesService::selection(const Principal& me, const std::string& gallery_id) {
  DECLIC_CO_TRY(auto g, co_await visible(db_, me, gallery_id));
  DECLIC_CO_TRY(auto chosen, co_await repository_->photos(db_, gallery_id, true));
  co_return Selection{g.selection_submitted_at, std::move(chosen)};
}

Async<std::vector<DownloadRecord>> GalleriesService::downloads(const Principal& me,
                                                               const std::string& gallery_id) {
  DECLIC_CO_TRY(auto g, co_await visible(db_, me, gallery_id));
  co_return co_await repository_->downloads(db_, g.id);
}

Async<Usage> GalleriesService::usage() {
  const std::optional<std::string> everything;
  DECLIC_CO_TRY(auto u, co_await repository_->usage(db_, everything));
  u.quota_bytes = options_.quota_bytes;
  u.gallery_quota_bytes = options_.gallery_quota_bytes;
  co_return u;
}

// --- downloads -------------------------------------------------------------------------

Async<ArchiveDownload> GalleriesService::archive(const std::string& gallery_id,
                                                 const std::string& kind, const std::string& by,
                                                 std::int64_t exp, const std::string& sig,
                                                 bool record, const std::string& ip) {
  if ((kind != "all" && kind != "favorites") ||
      !signer_.valid(archive_subject(gallery_id, kind, by), exp, sig, std::time(nullptr)))
    co_return Error::forbidden("This link is not valid or has expired.");
  DECLIC_CO_TRY(auto g, co_await repository_->find(db_, gallery_id));
  const bool client = by == g.client.id;
  const bool guest = by.starts_with(kGuestPrefix);
  if (client && (!g.published || g.downloads != "ORIGINALS")) co_return no_gallery();
  if ((client || guest) && g.expired)
    co_return Error::gone("gallery_expired", "This gallery has expired.");
  if (guest) {
    DECLIC_CO_TRY(auto share,
                  co_await repository_->share_by_id(db_, by.substr(kGuestPrefix.size())));
    DECLIC_CO_TRY(auto usable, co_await usable_share(db_, std::move(share)));
    if (!usable.first.downloads || usable.first.gallery_id != g.id || kind != "all")
      co_return no_gallery();
  }
  DECLIC_CO_TRY(auto photos, co_await repository_->photos(db_, gallery_id, kind == "favorites"));
  if (photos.empty()) co_return no_gallery();
  std::vector<std::string> names;
  for (const auto& p : photos) names.push_back(p.name);
  names = core::zip::unique_names(names);
  std::vector<core::zip::Entry> entries;
  core::auth::Sha256 tag;
  for (std::size_t i = 0; i < photos.size(); ++i) {
    const auto& p = photos[i];
    entries.push_back({names[i], imports_.files.store().path_of(p.storage_key),
                       static_cast<std::uint64_t>(p.size_bytes), p.crc32});
    tag.update(p.file_id + names[i] + std::to_string(p.crc32) + ";");
  }
  if (record && (client || guest)) {
    const std::string what = kind == "favorites" ? "FAVORITES" : "ARCHIVE";
    const std::optional<std::string> no_file,
        user = client ? std::optional<std::string>(by) : std::nullopt;
    DECLIC_CO_TRYV(co_await repository_->record_download(db_, g.id, user, what, no_file, ip));
  }
  ArchiveDownload out;
  out.archive = std::make_shared<core::zip::Archive>(std::move(entries), g.created_unix);
  out.file_name =
      core::storage::safe_file_name(g.title + (kind == "favorites" ? " - favoris" : "") + ".zip");
  out.etag = "\"" + tag.hex().substr(0, 32) + "\"";
  co_return out;
}

Async<void> GalleriesService::on_file_downloaded(core::db::Queryable& tx,
                                                 const core::events::Event& e) {
  const auto file_id = core::events::text_of(e.data, "fileId").value_or("");
  auto p = co_await repository_->photo(tx, file_id);
  if (!p) co_return core::Result<void>{};  // not a gallery's photo
  auto user = core::events::text_of(e.data, "userId");
  if (user && !core::is_uuid(*user)) user.reset();  // a guest: no account to name
  const std::string kind = "FILE";
  const std::optional<std::string> name = p->name;
  co_return co_await repository_->record_download(tx, p->gallery_id, user, kind, name, e.ip);
}

// --- guest links ----------------------------------------------------------------------

std::string GalleriesService::share_url(const Share& s) const {
  return options_.public_url + "/share/" + s.token;
}

Async<Share> GalleriesService::create_share(const Principal& me, const std::string& gallery_id,
                                            std::string pin, bool downloads,
                                            std::optional<std::string> expires_at) {
  if (pin.size() < kPinMin || pin.size() > kPinMax ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
    co_return Error::validation({{"pin", "invalid", "4 to 8 digits."}});
  DECLIC_CO_TRY(auto g, co_await repository_->find(db_, gallery_id));
  auto hash = [pin = std::move(pin)] { return core::auth::hash_password(pin); };
  const auto pin_hash = co_await core::run_blocking(*pool_, std::move(hash));
  const auto token = core::auth::random_token();
  co_return co_await repository_->insert_share(db_, g.id, token, pin_hash, downloads, expires_at,
                                               me.id());
}

Async<std::vector<Share>> GalleriesService::shares(const Principal& me,
                                                   const std::string& gallery_id) {
  DECLIC_CO_TRY(auto g, co_await visible(db_, me, gallery_id));
  co_return co_await repository_->shares(db_, g.id);
}

Async<void> GalleriesService::revoke_share(const Principal&, const std::string& gallery_id,
                                           const std::string& share_id) {
  DECLIC_CO_TRY(auto revoked, co_await repository_->revoke_share(db_, gallery_id, share_id));
  if (!revoked) co_return Error::not_found("share");
  co_return core::Result<void>{};
}

Async<std::pair<Share, Gallery>> GalleriesService::usable_share(core::db::Queryable& db,
                                                                Share share) {
  if (share.locked) co_return Error::rate_limited(15 * 60);
  if (!share.usable) co_return Error::not_found("share");
  DECLIC_CO_TRY(auto g, co_await repository_->find(db, share.gallery_id));
  if (!g.published) co_return Error::not_found("share");
  if (g.expired) co_return Error::gone("gallery_expired", "This gallery has expired.");
  co_return std::make_pair(std::move(share), std::move(g));
}

Async<std::string> GalleriesService::unlock_share(const std::string& token, std::string pin) {
  DECLIC_CO_TRY(auto found, co_await repository_->share_by_token(db_, token));
  DECLIC_CO_TRY(auto usable, co_await usable_share(db_, std::move(found)));
  const auto& share = usable.first;
  auto check = [hash = share.pin_hash, pin = std::move(pin)] {
    return core::auth::verify_password(hash, pin);
  };
  const bool right = co_await core::run_blocking(*pool_, std::move(check));
  if (!right) {
    DECLIC_CO_TRYV(co_await repository_->pin_failed(db_, share.id));
    co_return Error::forbidden("This PIN does not open the gallery.");
  }
  DECLIC_CO_TRYV(co_await repository_->pin_passed(db_, share.id));
  const auto exp = expiry_of(kGuestSession);
  co_return share.id + "." + std::to_string(exp) + "." +
      signer_.sign("share-session:" + share.id, exp);
}

Async<GalleriesService::Shared> GalleriesService::shared(const std::string& token,
                                                         const std::string& session) {
  // "<share id>.<expiry>.<signature>", made by unlock_share for this very share.
  const auto dot1 = session.find('.'), dot2 = session.find('.', dot1 + 1);
  const auto unlocked = Error::unauthorized("Enter the PIN to open this gallery.");
  if (dot1 == std::string::npos || dot2 == std::string::npos) co_return unlocked;
  const auto id = session.substr(0, dot1);
  std::int64_t exp = 0;
  try {
    exp = std::stoll(session.substr(dot1 + 1, dot2 - dot1 - 1));
  } catch (...) {
    co_return unlocked;
  }
  if (!signer_.valid("share-session:" + id, exp, session.substr(dot2 + 1), std::time(nullptr)))
    co_return unlocked;
  DECLIC_CO_TRY(auto found, co_await repository_->share_by_token(db_, token));
  if (found.id != id) co_return unlocked;
  DECLIC_CO_TRY(auto usable, co_await usable_share(db_, std::move(found)));
  auto& [share, g] = usable;
  const Viewer guest{std::string(kGuestPrefix) + share.id, false, share.downloads};
  DECLIC_CO_TRY(auto found_photos, co_await repository_->photos(db_, g.id, false));
  Shared out;
  for (auto& p : found_photos)
    if (p.status == PhotoStatus::ready) out.photos.push_back(view(guest, g, std::move(p)));
  g.favorite_count = 0;
  g.selection_submitted_at.reset();
  out.gallery = view(guest, std::move(g));
  DECLIC_CO_TRY(auto studio, co_await imports_.settings.settings(db_));
  out.studio_name = studio.profile.name;
  co_return out;
}

// --- uploads ---------------------------------------------------------------------------

Async<void> GalleriesService::admit_upload(core::db::Queryable& db, const std::string& gallery_id,
                                           std::int64_t length) {
  DECLIC_CO_TRY(auto g, co_await repository_->find(db, gallery_id));
  if (length > options_.max_file_bytes)
    co_return Error::payload_too_large("A photo may weigh at most 1 GiB.");
  const std::optional<std::string> this_gallery = g.id;
  DECLIC_CO_TRY(auto in_gallery, co_await repository_->usage(db, this_gallery));
  if (in_gallery.used_bytes + length > options_.gallery_quota_bytes)
    co_return Error::payload_too_large("This gallery is full.");
  const std::optional<std::string> everything;
  DECLIC_CO_TRY(auto all, co_await repository_->usage(db, everything));
  if (all.used_bytes + length > options_.quota_bytes)
    co_return Error::payload_too_large("The studio's storage is full.");
  co_return core::Result<void>{};
}

Async<GalleriesService::Added> GalleriesService::add_photo(const Principal& me,
                                                           const Upload& upload,
                                                           const core::storage::Digest& d) {
  const auto mime = core::storage::sniff_mime(d.head);
  if (!mime || !core::image::allowed_mime(*mime))
    co_return Error::unsupported_media_type("Send JPEG, PNG, WebP, HEIC or TIFF photos.");
  auto added = co_await db_.transact([&](core::db::Tx& tx) -> Async<Added> {
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, upload.gallery_id, true));
    DECLIC_CO_TRYV(co_await repository_->remove_upload(tx, upload.id));
    DECLIC_CO_TRY(auto same, co_await repository_->same_bytes(tx, g.id, d.sha256));
    if (same) co_return Added{*same, true};
    files::StoredFile f;
    f.storage_key = upload.storage_key;
    f.purpose = "gallery";
    f.owner_id = me.id();
    f.name = upload.name;
    f.mime_type = *mime;
    f.size_bytes = upload.length;
    f.sha256 = d.sha256;
    DECLIC_CO_TRY(auto file, co_await imports_.files.record(tx, f));
    DECLIC_CO_TRYV(
        co_await repository_->add_photo(tx, g.id, file.id, d.sha256, d.crc32, upload.position));
    DECLIC_CO_TRYV(co_await changed(tx, g, me, "photo_added"));
    tx.after_commit([this] { wake(); });
    co_return Added{file.id, false};
  });
  co_return added;
}

Async<GalleriesService::Added> GalleriesService::add_file(const Principal& me,
                                                          const std::string& gallery_id,
                                                          std::string name, std::string bytes) {
  Upload whole;
  whole.gallery_id = gallery_id;
  whole.name = core::storage::safe_file_name(name);
  whole.length = whole.offset = static_cast<std::int64_t>(bytes.size());
  auto store = [files = &imports_.files, bytes = std::move(bytes),
                &key = whole.storage_key]() -> core::Result<core::storage::Digest> {
    auto put = files->store().put(bytes);
    if (!put) return put.error();
    key = *put;
    return files->store().digest(key);
  };
  DECLIC_CO_TRY(auto d, co_await core::run_blocking(*pool_, std::move(store)));
  co_return co_await add_photo(me, whole, d);
}

// --- processing ------------------------------------------------------------------------

void GalleriesService::start() {
  for (unsigned i = 0; i < options_.workers; ++i) asio::co_spawn(executor_, work(), asio::detached);
}

void GalleriesService::stop() {
  stopping_ = true;
  wake();
}

void GalleriesService::wake() {
  asio::post(executor_, [this] { wake_.cancel(); });
}

Async<void> GalleriesService::work() {
  while (!stopping_) {
    auto done = co_await process_next();
    if (!done) core::log::warn("galleries.process", {{"error", done.error().cause}});
    if (done && *done) continue;
    wake_.expires_after(kIdlePoll);
    boost::system::error_code ec;
    co_await wake_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  co_return core::Result<void>{};
}

Async<bool> GalleriesService::process_next() {
  std::vector<std::string> replaced;
  auto done = co_await db_.transact([&](core::db::Tx& tx) -> Async<bool> {
    DECLIC_CO_TRY(auto pending, co_await repository_->claim_pending(tx));
    if (!pending) co_return false;
    std::string watermark;
    if (pending->watermark) {
      DECLIC_CO_TRY(auto s, co_await imports_.settings.settings(tx));
      watermark = s.profile.name;
    }
    struct Made {
      core::image::Renditions r;
      std::string thumbnail_key, preview_key;
    };
    auto make = [store = &imports_.files.store(),
                 path = imports_.files.store().path_of(pending->storage_key),
                 watermark]() -> core::Result<Made> {
      auto r = core::image::renditions(path, watermark);
      if (!r) return r.error();
      auto thumb = store->put(r->thumbnail.webp);
      if (!thumb) return thumb.error();
      auto preview = store->put(r->preview.webp);
      if (!preview) return preview.error();
      return Made{std::move(*r), std::move(*thumb), std::move(*preview)};
    };
    auto made = co_await core::run_blocking(*pool_, std::move(make));
    DECLIC_CO_TRY(auto g, co_await repository_->find(tx, pending->gallery_id));
    if (!made) {
      core::log::warn("galleries.photo_failed",
                      {{"fileId", pending->file_id}, {"error", made.error().cause}});
      const std::optional<std::string> none;
      DECLIC_CO_TRYV(
          co_await repository_->set_processed(tx, pending->file_id, PhotoStatus::failed, none));
    } else {
      DECLIC_CO_TRYV(co_await imports_.files.set_renditions(tx, pending->file_id,
                                                            made->thumbnail_key, made->preview_key,
                                                            made->r.width, made->r.height));
      const std::optional<std::string> placeholder = made->r.placeholder;
      DECLIC_CO_TRYV(co_await repository_->set_processed(tx, pending->file_id, PhotoStatus::ready,
                                                         placeholder));
      replaced = pending->old_keys;
    }
    auto e = gallery_event("photo_processed", g, std::nullopt);
    e.data["fileId"] = pending->file_id;
    DECLIC_CO_TRYV(co_await events_.publish(tx, e));
    co_return true;
  });
  if (done) imports_.files.forget(replaced);
  co_return done;
}

Async<std::int64_t> GalleriesService::remind_expiring() {
  constexpr int kBatch = 50;
  co_return co_await db_.transact([&](core::db::Tx& tx) -> Async<std::int64_t> {
    DECLIC_CO_TRY(auto due, co_await repository_->take_expiring(tx, kBatch));
    for (const auto& g : due) {
      const auto e = gallery_event("expiring", g, std::nullopt);
      DECLIC_CO_TRYV(co_await events_.publish(tx, e));
    }
    co_return static_cast<std::int64_t>(due.size());
  });
}

}  // namespace declic::galleries
