#pragma once
// Real pictures made in memory for tests that upload them.

#include <cstdint>
#include <string>

namespace declic::test {

// A PNG chunk (length, type, data, CRC) appended to `png`.
void png_chunk(std::string& png, const char* type, const std::string& data);
// An IHDR chunk's data: 8-bit RGB, no interlace.
std::string png_ihdr(std::uint32_t width, std::uint32_t height);
// A real PNG of `width` × `height` (a gradient, shifted by `seed`), with a text chunk naming a
// place, as a camera's metadata would.
std::string png(std::uint32_t width, std::uint32_t height, unsigned seed = 0);

}  // namespace declic::test
