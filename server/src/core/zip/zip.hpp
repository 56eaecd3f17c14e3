#pragma once
// Zip archives of stored files, streamed: STORE only (photos do not compress), the CRC-32 of
// each file known in advance (computed at upload), so every byte of the archive is known
// before the first is sent — its exact length, and the bytes at any offset (a download
// resumed with Range). ZIP64 records only where a size, an offset or the count needs them.
// No data descriptors: the CRC and sizes are in each local header (APPNOTE 6.3.10).

#include "core/error/error.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace declic::core::zip {

struct Entry {
  std::string name;  // UTF-8, no directory part; made unique in the archive
  std::filesystem::path path;
  std::uint64_t size = 0;
  std::uint32_t crc32 = 0;
};

class Archive {
 public:
  // `modified`: the time every entry carries (MS-DOS format, written as UTC).
  Archive(std::vector<Entry> entries, std::int64_t modified_unix);

  std::uint64_t size() const { return size_; }
  std::size_t entry_count() const { return entries_.size(); }
  // Copies the archive's bytes from `offset` into `into`: how many (0 past the end). Reads the
  // entries' files (blocking) for the parts that are file data; an error when one of them is
  // gone or shorter than recorded.
  Result<std::size_t> read_at(std::uint64_t offset, std::span<char> into) const;

 private:
  // A part of the archive: header bytes kept in memory, or an entry's file data.
  struct Segment {
    std::uint64_t offset = 0, length = 0;
    std::string bytes;  // when a header
    int entry = -1;     // when file data
  };
  std::vector<Entry> entries_;
  std::vector<Segment> segments_;
  std::uint64_t size_ = 0;
};

// `name`, or `name (2)`, `name (3)`… before the extension when an earlier entry has it.
std::vector<std::string> unique_names(const std::vector<std::string>& names);

}  // namespace declic::core::zip
