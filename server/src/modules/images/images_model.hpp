#pragma once
// A picture the studio shows (its logo, a service's cover), stored as WebP.

#include <cstddef>
#include <string>

namespace declic::images {

// The largest upload a picture route takes (a 24 MP JPEG straight from a camera).
inline constexpr std::size_t kMaxPictureUpload = 20 * 1024 * 1024;

struct Image {
  std::string id;
  std::string storage_key;
  int width = 0, height = 0;
  int size_bytes = 0;
};

// Where the web app finds an image: public, and cacheable for ever since an id never changes
// its content.
inline std::string image_url(const std::string& id) {
  return "/api/images/" + id;
}

}  // namespace declic::images
