#include "core/image/image.hpp"

#include "core/storage/storage.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <optional>

namespace declic::core::image {

namespace {

constexpr std::array<std::string_view, 5> kAllowedMimes{"image/jpeg", "image/png", "image/webp",
                                                        "image/heic", "image/tiff"};
constexpr std::array<std::string_view, 5> kAllowedLoaders{
    "VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadWebpBuffer",
    "VipsForeignLoadHeifBuffer", "VipsForeignLoadTiffBuffer"};
constexpr int kWebpQuality = 82;

// libvips once per process: its untrusted loaders (ImageMagick, PDF, SVG…) blocked, no
// operation cache (a server never repeats one), one worker thread per call (the background
// pool already runs several calls at once).
void init_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (VIPS_INIT("declic") != 0) std::abort();
    // A broken upload makes libvips warn on stderr; it is the client's 415, not our problem.
    g_log_set_handler(
        "VIPS", G_LOG_LEVEL_WARNING, [](const gchar*, GLogLevelFlags, const gchar*, gpointer) {},
        nullptr);
    vips_block_untrusted_set(TRUE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
  });
}

struct Unref {
  void operator()(VipsImage* im) const { g_object_unref(im); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

Error unreadable() {
  vips_error_clear();
  return Error::unsupported_media_type("Send a JPEG, PNG, WebP, HEIC or TIFF picture.");
}

// The WebP of `im`, without metadata. Decoding happens here too (libvips is lazy): nullopt
// when the source turns out to be broken.
std::optional<Picture> encode(VipsImage* im) {
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_image_write_to_buffer(im, ".webp", &buffer, &length, "Q", kWebpQuality, "strip", TRUE,
                                 nullptr) != 0) {
    vips_error_clear();
    return std::nullopt;
  }
  Picture out{std::string(static_cast<const char*>(buffer), length), vips_image_get_width(im),
              vips_image_get_height(im)};
  g_free(buffer);
  return out;
}

// Whether the bytes name a loader of the allow-list, whatever they claim to be.
bool allowed_format(std::string_view input) {
  const auto mime = storage::sniff_mime(input.substr(0, 64));
  if (!mime || std::find(kAllowedMimes.begin(), kAllowedMimes.end(), *mime) == kAllowedMimes.end())
    return false;
  const char* loader = vips_foreign_find_load_buffer(input.data(), input.size());
  if (!loader) return false;
  return std::find(kAllowedLoaders.begin(), kAllowedLoaders.end(), std::string_view(loader)) !=
         kAllowedLoaders.end();
}

}  // namespace

Result<Picture> fit_webp(std::string_view input, Box box) {
  init_once();
  if (!allowed_format(input)) return unreadable();
  {
    // The header alone, to refuse a bomb before anything is decoded.
    Image header(vips_image_new_from_buffer(input.data(), input.size(), "", nullptr));
    if (!header) return unreadable();
    const auto pixels = static_cast<long long>(vips_image_get_width(header.get())) *
                        vips_image_get_height(header.get());
    if (pixels > kMaxPixels)
      return Error::validation({{"file", "too_many_pixels", "At most 100 million pixels."}});
  }
  VipsImage* raw = nullptr;
  // Shrink-on-load, EXIF orientation applied; a decoding error fails the call.
  if (vips_thumbnail_buffer(const_cast<char*>(input.data()), input.size(), &raw, box.width,
                            "height", box.height, "size", VIPS_SIZE_DOWN, "option_string",
                            "fail_on=error", nullptr) != 0)
    return unreadable();
  Image fitted(raw);
  auto picture = encode(fitted.get());
  if (!picture) return unreadable();  // a truncated or corrupt file fails as it is decoded
  return std::move(*picture);
}

Result<Picture> demo_picture(Box size, unsigned rgb_from, unsigned rgb_to,
                             std::string_view initials) {
  init_once();
  VipsImage* scratch = vips_image_new();  // owns every intermediate image below
  const Image keep(scratch);
  auto* t = reinterpret_cast<VipsImage**>(vips_object_local_array(VIPS_OBJECT(scratch), 13));
  std::array<double, 3> scale{}, offset{};
  for (int c = 0; c < 3; ++c) {
    const double from = (rgb_from >> (16 - 8 * c)) & 0xff, to = (rgb_to >> (16 - 8 * c)) & 0xff;
    scale[c] = to - from;
    offset[c] = from;
  }
  const std::array<double, 2> per_axis{1.0 / size.width, 1.0 / size.height}, zero{0, 0};
  // t[2] goes from 0 at the top left corner to 1 at the bottom right: the mean of x/w and y/h.
  if (vips_xyz(&t[0], size.width, size.height, nullptr) != 0 ||
      vips_linear(t[0], &t[1], per_axis.data(), zero.data(), 2, nullptr) != 0 ||
      vips_bandmean(t[1], &t[2], nullptr) != 0 ||
      vips_linear(t[2], &t[3], scale.data(), offset.data(), 3, nullptr) != 0 ||
      vips_gaussnoise(&t[4], size.width, size.height, "sigma", 5.0, "mean", 0.0, nullptr) != 0 ||
      vips_add(t[3], t[4], &t[5], nullptr) != 0 || vips_cast_uchar(t[5], &t[6], nullptr) != 0 ||
      vips_copy(t[6], &t[7], "interpretation", VIPS_INTERPRETATION_sRGB, nullptr) != 0)
    return Error::internal("vips: colours");
  VipsImage* picture = t[7];
  if (!initials.empty()) {
    const std::string text(initials);
    if (vips_text(&t[8], text.c_str(), "font", "DejaVu Sans Bold", "width", size.width * 3 / 5,
                  "height", size.height * 2 / 5, "align", VIPS_ALIGN_CENTRE, nullptr) != 0 ||
        vips_gravity(t[8], &t[9], VIPS_COMPASS_DIRECTION_CENTRE, size.width, size.height,
                     nullptr) != 0 ||
        vips_linear1(t[7], &t[10], 0.0, 255.0, nullptr) != 0 ||
        vips_cast_uchar(t[10], &t[11], nullptr) != 0 ||
        vips_ifthenelse(t[9], t[11], t[7], &t[12], "blend", TRUE, nullptr) != 0)
      return Error::internal("vips: text");
    picture = t[12];
  }
  auto drawn = encode(picture);
  if (!drawn) return Error::internal("vips: encode");
  return std::move(*drawn);
}

}  // namespace declic::core::image
