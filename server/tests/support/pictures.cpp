#include "pictures.hpp"

#include <zlib.h>

namespace declic::test {

namespace {
void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

}  // namespace

void png_chunk(std::string& png, const char* type, const std::string& data) {
  put_u32(png, static_cast<std::uint32_t>(data.size()));
  const std::string typed = std::string(type, 4) + data;
  png += typed;
  put_u32(png, static_cast<std::uint32_t>(
                   crc32(0, reinterpret_cast<const Bytef*>(typed.data()), typed.size())));
}

std::string png_ihdr(std::uint32_t width, std::uint32_t height) {
  std::string h;
  put_u32(h, width);
  put_u32(h, height);
  h += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  return h;
}

std::string png(std::uint32_t width, std::uint32_t height, unsigned seed) {
  std::string raw;
  for (std::uint32_t y = 0; y < height; ++y) {
    raw += '\0';  // no filter
    for (std::uint32_t x = 0; x < width; ++x) {
      raw += static_cast<char>(x * 255 / width);
      raw += static_cast<char>(y * 255 / height);
      raw += static_cast<char>(128 + seed);
    }
  }
  uLongf size = compressBound(raw.size());
  std::string packed(size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
            reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 1);
  packed.resize(size);
  std::string out("\x89PNG\r\n\x1a\n", 8);
  png_chunk(out, "IHDR", png_ihdr(width, height));
  png_chunk(out, "tEXt", std::string("Comment\0GPSLatitude 45.7640 N, Lyon", 35));
  png_chunk(out, "IDAT", packed);
  png_chunk(out, "IEND", "");
  return out;
}

}  // namespace declic::test
