#pragma once
// Stored files: what was uploaded (a message's attachment; later a gallery's photos), where
// its bytes are (a storage key under DATA_DIR), and what it is (its type told by content).

#include <cstdint>
#include <optional>
#include <string>

namespace declic::files {

struct StoredFile {
  std::string id;
  std::string storage_key;
  std::string purpose;  // "attachment", "gallery"
  std::optional<std::string> owner_id;
  std::string name, mime_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::string created_at;
  // Renditions the server made (gallery photos): WebP, metadata stripped.
  std::optional<std::string> thumbnail_key, preview_key;
};

// What a signed link names: a file's variant ("original", "preview", "thumbnail"), and when it
// is a download given to someone, who (each use is then recorded: file.downloaded).
struct LinkSubject {
  std::string file_id;
  std::string variant = "original";
  std::optional<std::string> downloaded_by;
};

}  // namespace declic::files
