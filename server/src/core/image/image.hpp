#pragma once
// Pictures from untrusted uploads made into what the web app shows: decoded by libvips from
// an allow-list of formats (JPEG, PNG, WebP, HEIC, TIFF, told by content), turned upright by
// their EXIF orientation, shrunk to fit a box (never enlarged), stripped of their metadata
// (GPS, camera, names) and encoded as WebP. libvips' own untrusted loaders are blocked.
// Blocking and CPU-heavy: run on the background pool, never on the event loop.

#include "core/error/error.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace declic::core::image {

struct Box {
  int width = 0, height = 0;
};

struct Picture {
  std::string webp;
  int width = 0, height = 0;
};

// Whether a type told by content (storage::sniff_mime) is one a picture may have: JPEG, PNG,
// WebP, HEIC, TIFF.
bool allowed_mime(std::string_view mime);

// Pictures above this many pixels are refused before they are decoded (a decompression
// bomb is a few kilobytes).
inline constexpr long long kMaxPixels = 100'000'000;

// 415 when the bytes are not a picture of an allowed format or do not decode; 422
// `too_many_pixels` past kMaxPixels.
Result<Picture> fit_webp(std::string_view input, Box box);

// What a gallery shows of a photo: a thumbnail fitting 800×400 (rows of a justified grid), a
// preview fitting 2048×2048 (with `watermark` across it unless empty), and a 24 px wide
// blur-up placeholder as a data: URL; `width` and `height` are the original's, upright.
struct Renditions {
  Picture thumbnail, preview;
  std::string placeholder;
  int width = 0, height = 0;
};

// Whether a file on disk is a picture of an allowed format whose header reads (415 otherwise;
// 422 `too_many_pixels`), without decoding it.
Result<Box> probe(const std::filesystem::path& original);

// From an original on disk, decoded once (shrink-on-load). Same refusals as fit_webp.
Result<Renditions> renditions(const std::filesystem::path& original, std::string_view watermark);

// A picture drawn for the demo: a soft diagonal gradient between two colours, with film
// grain, and `initials` centred in white when given (a logo). WebP.
Result<Picture> demo_picture(Box size, unsigned rgb_from, unsigned rgb_to,
                             std::string_view initials = {});

}  // namespace declic::core::image
