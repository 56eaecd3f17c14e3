#pragma once
// A whole file written under another name, given its mode, then renamed over `path`: a reader
// never sees half a file. Creates the parent directory. False when any step fails.

#include <sys/types.h>

#include <filesystem>
#include <string_view>

namespace declic::core {

bool write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           mode_t mode = 0644);

}  // namespace declic::core
