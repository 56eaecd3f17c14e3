#pragma once
// Private galleries: a project's photos for its client. Staff make a gallery, upload photos
// (tus, uploads_service.hpp) and publish it; until then the client does not see it. The client
// marks favourites, comments, and submits a selection (at most `selection_max`), which then
// stays as it is unless staff reopen it. Downloads follow `downloads`; every one is recorded.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace declic::galleries {

// What a client may download: nothing, the previews, or the originals (and the zips).
inline constexpr const char* kDownloadModes[] = {"NONE", "PREVIEWS", "ORIGINALS"};

struct Person {
  std::string id, name;
};

struct Gallery {
  std::string id, project_id, title;
  bool published = false;
  std::optional<std::string> published_at, expires_at;
  bool expired = false;
  bool watermark = false;
  std::string downloads = "ORIGINALS";
  std::optional<int> selection_max;
  std::optional<std::string> selection_submitted_at;
  std::optional<std::string> cover_file_id;
  std::int64_t file_count = 0, ready_count = 0, size_bytes = 0, favorite_count = 0;
  Person client;
  std::string created_at;
  std::int64_t created_unix = 0;
};

struct NewGallery {
  std::string title;
  std::optional<std::string> expires_at;
  bool watermark = false;
  std::string downloads = "ORIGINALS";
  std::optional<int> selection_max;
};

// PATCH: a field left empty stays; for the nullable ones, the inner nullopt clears.
struct GalleryChange {
  std::optional<std::string> title;
  std::optional<std::optional<std::string>> expires_at;
  std::optional<bool> watermark;
  std::optional<std::string> downloads;
  std::optional<std::optional<int>> selection_max;
  std::optional<std::string> cover_file_id;
};

enum class PhotoStatus { processing, ready, failed };

struct Photo {
  std::string file_id, gallery_id, name, mime_type;
  std::int64_t size_bytes = 0;
  std::optional<int> width, height;
  PhotoStatus status = PhotoStatus::processing;
  std::optional<std::string> placeholder, comment;
  bool favorite = false;
  int position = 0;
  std::string storage_key;
  std::uint32_t crc32 = 0;
  bool has_renditions = false;
};

std::string_view to_string(PhotoStatus s);

// A tus upload in progress; `expires_at` is an HTTP date, as tus sends it.
struct Upload {
  std::string id, gallery_id, name, storage_key, expires_at;
  std::int64_t length = 0, offset = 0;
  std::optional<int> position;  // the photo's place in the gallery, reserved when it began
};

struct DownloadRecord {
  std::int64_t id = 0;
  std::string at;
  std::optional<Person> user;
  std::string kind;  // ARCHIVE, FAVORITES, FILE
  std::optional<std::string> file_name;
  std::string ip;
};

struct Usage {
  std::int64_t used_bytes = 0, quota_bytes = 0, gallery_quota_bytes = 0;
};

// A link for guests: `token` goes in the link, the PIN (hashed) unlocks it.
struct Share {
  std::string id, gallery_id, token;
  bool downloads = false;
  std::optional<std::string> expires_at, revoked_at;
  std::string created_at;
  bool usable = false;  // not revoked, not expired, not locked
  bool locked = false;
  std::string pin_hash;
};

// What the client chose, for staff.
struct Selection {
  std::optional<std::string> submitted_at;
  std::vector<Photo> photos;
};

// `DSC_0012 OR DSC_0040`: the names without their extension, for Lightroom's filter.
std::string lightroom_filter(const std::vector<Photo>& photos);

}  // namespace declic::galleries
