#include "core/image/image.hpp"

#include "core/storage/storage.hpp"

#include <sodium.h>
#include <vips/vips.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <fstream>
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
constexpr std::array<std::string_view, 5> kAllowedFileLoaders{
    "VipsForeignLoadJpegFile", "VipsForeignLoadPngFile", "VipsForeignLoadWebpFile",
    "VipsForeignLoadHeifFile", "VipsForeignLoadTiffFile"};
constexpr int kWebpQuality = 82;
constexpr Box kThumbnail{800, 400}, kPreview{2048, 2048};
constexpr int kPlaceholderWidth = 24;

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
  auto e = Error::unsupported_media_type("Send a JPEG, PNG, WebP, HEIC or TIFF picture.");
  e.cause = vips_error_buffer();  // for the logs: what libvips said
  vips_error_clear();
  return e;
}

// The WebP of `im`, without metadata. Decoding happens here too (libvips is lazy): nullopt
// when the source turns out to be broken.
std::optional<Picture> encode(VipsImage* im, int quality = kWebpQuality) {
  void* buffer = nullptr;
  size_t length = 0;
  if (vips_image_write_to_buffer(im, ".webp", &buffer, &length, "Q", quality, "strip", TRUE,
                                 nullptr) != 0) {
    vips_error_clear();
    return std::nullopt;
  }
  Picture out{std::string(static_cast<const char*>(buffer), length), vips_image_get_width(im),
              vips_image_get_height(im)};
  g_free(buffer);
  return out;
}

bool allowed(std::string_view mime, const char* loader, const auto& loaders) {
  return allowed_mime(mime) && loader &&
         std::find(loaders.begin(), loaders.end(), std::string_view(loader)) != loaders.end();
}

// Whether the bytes name a loader of the allow-list, whatever they claim to be.
bool allowed_format(std::string_view input) {
  const auto mime = storage::sniff_mime(input.substr(0, 64));
  return mime &&
         allowed(*mime, vips_foreign_find_load_buffer(input.data(), input.size()), kAllowedLoaders);
}

std::string head_of(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(64, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

std::optional<Error> too_large(VipsImage* header) {
  const auto pixels =
      static_cast<long long>(vips_image_get_width(header)) * vips_image_get_height(header);
  if (pixels > kMaxPixels)
    return Error::validation({{"file", "too_many_pixels", "At most 100 million pixels."}});
  return std::nullopt;
}

// 8-bit sRGB (or grey), whatever the original's depth and space: what WebP holds.
bool to_srgb8(VipsImage* in, VipsImage** out) {
  if (vips_image_get_format(in) == VIPS_FORMAT_UCHAR) return vips_copy(in, out, nullptr) == 0;
  return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, nullptr) == 0;
}

// `text` in white at 45 % across the middle of `in`.
bool draw_watermark(VipsImage* in, std::string_view text, VipsImage** out) {
  VipsImage* scratch = vips_image_new();
  const Image keep(scratch);
  auto* t = reinterpret_cast<VipsImage**>(vips_object_local_array(VIPS_OBJECT(scratch), 5));
  const int w = vips_image_get_width(in), h = vips_image_get_height(in);
  const std::string label(text);
  return vips_text(&t[0], label.c_str(), "font", "DejaVu Sans Bold", "width", w * 3 / 5, "height",
                   std::max(1, h / 8), "align", VIPS_ALIGN_CENTRE, nullptr) == 0 &&
         vips_gravity(t[0], &t[1], VIPS_COMPASS_DIRECTION_CENTRE, w, h, nullptr) == 0 &&
         vips_linear1(t[1], &t[2], 0.45, 0.0, nullptr) == 0 &&
         vips_cast_uchar(t[2], &t[3], nullptr) == 0 &&
         vips_linear1(in, &t[4], 0.0, 255.0, nullptr) == 0 &&
         vips_ifthenelse(t[3], t[4], in, out, "blend", TRUE, nullptr) == 0;
}

std::string data_url(const Picture& p) {
  std::string b64(sodium_base64_ENCODED_LEN(p.webp.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(p.webp.data()),
                    p.webp.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  return "data:image/webp;base64," + b64;
}

std::optional<Picture> fit(VipsImage* in, Box box, int quality = kWebpQuality) {
  VipsImage* raw = nullptr;
  if (vips_thumbnail_image(in, &raw, box.width, "height", box.height, "size", VIPS_SIZE_DOWN,
                           nullptr) != 0)
    return std::nullopt;
  const Image fitted(raw);
  return encode(fitted.get(), quality);
}

}  // namespace

bool allowed_mime(std::string_view mime) {
  return std::find(kAllowedMimes.begin(), kAllowedMimes.end(), mime) != kAllowedMimes.end();
}

Result<Box> probe(const std::filesystem::path& original) {
  init_once();
  const auto mime = storage::sniff_mime(head_of(original));
  if (!mime || !allowed(*mime, vips_foreign_find_load(original.c_str()), kAllowedFileLoaders))
    return unreadable();
  Image header(vips_image_new_from_file(original.c_str(), nullptr));
  if (!header) return unreadable();
  if (auto e = too_large(header.get())) return *e;
  Box upright{vips_image_get_width(header.get()), vips_image_get_height(header.get())};
  if (vips_image_get_orientation_swap(header.get())) std::swap(upright.width, upright.height);
  return upright;
}

Result<Renditions> renditions(const std::filesystem::path& original, std::string_view watermark) {
  auto size = probe(original);
  if (!size) return size.error();
  Renditions out;
  out.width = size->width;
  out.height = size->height;
  VipsImage* scratch = vips_image_new();
  const Image keep(scratch);
  auto* t = reinterpret_cast<VipsImage**>(vips_object_local_array(VIPS_OBJECT(scratch), 4));
  // Shrink-on-load to the preview's box, upright; decoded once into memory, and the
  // thumbnail and placeholder made from that.
  // A file's load options go in its name; our storage keys have no brackets of their own.
  const auto strict = original.string() + "[fail_on=error]";
  if (vips_thumbnail(strict.c_str(), &t[0], kPreview.width, "height", kPreview.height, "size",
                     VIPS_SIZE_DOWN, nullptr) != 0 ||
      !to_srgb8(t[0], &t[1]) || !(t[2] = vips_image_copy_memory(t[1])))
    return unreadable();
  auto thumbnail = fit(t[2], kThumbnail);
  if (!thumbnail) return unreadable();
  Image thumb_image(
      vips_image_new_from_buffer(thumbnail->webp.data(), thumbnail->webp.size(), "", nullptr));
  auto tiny = thumb_image ? fit(thumb_image.get(), {kPlaceholderWidth, kPlaceholderWidth}, 40)
                          : std::nullopt;
  VipsImage* shown = t[2];
  if (!watermark.empty()) {
    if (!draw_watermark(t[2], watermark, &t[3])) return Error::internal("vips: watermark");
    shown = t[3];
  }
  auto preview = fit(shown, kPreview);
  if (!preview || !tiny) return unreadable();
  out.thumbnail = std::move(*thumbnail);
  out.preview = std::move(*preview);
  out.placeholder = data_url(*tiny);
  return out;
}

Result<Picture> fit_webp(std::string_view input, Box box) {
  init_once();
  if (!allowed_format(input)) return unreadable();
  {
    // The header alone, to refuse a bomb before anything is decoded.
    Image header(vips_image_new_from_buffer(input.data(), input.size(), "", nullptr));
    if (!header) return unreadable();
    if (auto e = too_large(header.get())) return *e;
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
