#include "modules/galleries/galleries_json.hpp"

#include "core/http/json.hpp"

namespace declic::galleries {

namespace json = boost::json;
using core::http::nullable;

namespace {
json::value nullable_int(const std::optional<int>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::object person_json(const Person& p) {
  return {{"id", p.id}, {"name", p.name}};
}
}  // namespace

json::object gallery_json(const GalleryView& v) {
  const auto& g = v.gallery;
  return {{"id", g.id},
          {"projectId", g.project_id},
          {"title", g.title},
          {"status", g.published ? "PUBLISHED" : "DRAFT"},
          {"publishedAt", nullable(g.published_at)},
          {"expiresAt", nullable(g.expires_at)},
          {"expired", g.expired},
          {"watermark", g.watermark},
          {"downloads", g.downloads},
          {"selectionMax", nullable_int(g.selection_max)},
          {"selection",
           {{"status", g.selection_submitted_at ? "SUBMITTED" : "OPEN"},
            {"submittedAt", nullable(g.selection_submitted_at)},
            {"count", g.favorite_count}}},
          {"fileCount", g.file_count},
          {"readyCount", g.ready_count},
          {"sizeBytes", g.size_bytes},
          {"coverFileId", nullable(g.cover_file_id)},
          {"coverUrl", nullable(v.cover_url)},
          {"archiveUrl", nullable(v.archive_url)},
          {"favoritesArchiveUrl", nullable(v.favorites_archive_url)},
          {"client", person_json(g.client)},
          {"createdAt", g.created_at}};
}

json::object photo_json(const PhotoView& v) {
  const auto& p = v.photo;
  return {{"id", p.file_id},
          {"name", p.name},
          {"sizeBytes", p.size_bytes},
          {"mimeType", p.mime_type},
          {"width", nullable_int(p.width)},
          {"height", nullable_int(p.height)},
          {"status", to_string(p.status)},
          {"placeholder", nullable(p.placeholder)},
          {"thumbnailUrl", nullable(v.thumbnail_url)},
          {"previewUrl", nullable(v.preview_url)},
          {"downloadUrl", nullable(v.download_url)},
          {"favorite", p.favorite},
          {"comment", nullable(p.comment)},
          {"position", p.position}};
}

json::object selection_json(const Selection& s) {
  json::array files;
  for (const auto& p : s.photos)
    files.push_back({{"id", p.file_id}, {"name", p.name}, {"comment", nullable(p.comment)}});
  return {{"status", s.submitted_at ? "SUBMITTED" : "OPEN"},
          {"submittedAt", nullable(s.submitted_at)},
          {"files", std::move(files)},
          {"lightroomFilter", lightroom_filter(s.photos)}};
}

json::object download_json(const DownloadRecord& d) {
  return {{"id", d.id},
          {"at", d.at},
          {"user", d.user ? json::value(person_json(*d.user)) : json::value(nullptr)},
          {"kind", d.kind},
          {"fileName", nullable(d.file_name)},
          {"ip", d.ip}};
}

json::object usage_json(const Usage& u) {
  return {{"usedBytes", u.used_bytes},
          {"quotaBytes", u.quota_bytes},
          {"galleryQuotaBytes", u.gallery_quota_bytes}};
}

json::object share_json(const Share& s, const std::string& url) {
  return {{"id", s.id},
          {"url", url},
          {"downloads", s.downloads},
          {"expiresAt", nullable(s.expires_at)},
          {"createdAt", s.created_at}};
}

json::object shared_json(const GalleriesService::Shared& s) {
  const auto& g = s.gallery.gallery;
  json::array files;
  for (const auto& p : s.photos) files.push_back(photo_json(p));
  return {{"gallery",
           {{"id", g.id},
            {"title", g.title},
            {"studioName", s.studio_name},
            {"expiresAt", nullable(g.expires_at)},
            {"fileCount", static_cast<std::int64_t>(s.photos.size())},
            {"coverUrl", nullable(s.gallery.cover_url)},
            {"archiveUrl", nullable(s.gallery.archive_url)}}},
          {"files", std::move(files)}};
}

}  // namespace declic::galleries
