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
  std::string purpose;  // "attachment"
  std::optional<std::string> owner_id;
  std::string name, mime_type;
  std::int64_t size_bytes = 0;
  std::string sha256;
  std::string created_at;
};

}  // namespace declic::files
