#include "core/util/atomic_file.hpp"

#include <sys/stat.h>

#include <fstream>

namespace declic::core {

bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  const auto tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) return false;
  }
  if (::chmod(tmp.c_str(), mode) != 0) return false;
  std::filesystem::rename(tmp, path, ec);
  return !ec;
}

}  // namespace declic::core
