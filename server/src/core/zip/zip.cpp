#include "core/zip/zip.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <set>

#include <fcntl.h>
#include <unistd.h>

namespace declic::core::zip {

namespace {

constexpr std::uint32_t kMax32 = 0xFFFFFFFF;
constexpr std::uint16_t kMax16 = 0xFFFF;
constexpr std::uint16_t kUtf8Names = 1 << 11;
constexpr std::uint16_t kVersion = 20, kVersionZip64 = 45;

void put16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8));
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(out, static_cast<std::uint16_t>(v >> 16));
}
void put64(std::string& out, std::uint64_t v) {
  put32(out, static_cast<std::uint32_t>(v & kMax32));
  put32(out, static_cast<std::uint32_t>(v >> 32));
}
std::uint32_t clamp32(std::uint64_t v) {
  return v >= kMax32 ? kMax32 : static_cast<std::uint32_t>(v);
}

struct DosTime {
  std::uint16_t time = 0, date = (1 << 5) | 1;  // 1980-01-01
};

DosTime dos_time(std::int64_t unix_seconds) {
  const std::time_t t = unix_seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  if (tm.tm_year < 80) return {};
  return {
      static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2)),
      static_cast<std::uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday)};
}

// The ZIP64 extra field with the values that overflow, in the order APPNOTE 4.5.3 gives.
std::string zip64_extra(const std::vector<std::uint64_t>& values) {
  if (values.empty()) return {};
  std::string out;
  put16(out, 0x0001);
  put16(out, static_cast<std::uint16_t>(8 * values.size()));
  for (const auto v : values) put64(out, v);
  return out;
}

std::string local_header(const Entry& e, DosTime when) {
  const bool big = e.size >= kMax32;
  const auto extra = big ? zip64_extra({e.size, e.size}) : std::string();
  std::string h;
  put32(h, 0x04034b50);
  put16(h, big ? kVersionZip64 : kVersion);
  put16(h, kUtf8Names);
  put16(h, 0);  // STORE
  put16(h, when.time);
  put16(h, when.date);
  put32(h, e.crc32);
  put32(h, clamp32(e.size));
  put32(h, clamp32(e.size));
  put16(h, static_cast<std::uint16_t>(e.name.size()));
  put16(h, static_cast<std::uint16_t>(extra.size()));
  return h + e.name + extra;
}

std::string central_header(const Entry& e, DosTime when, std::uint64_t local_offset) {
  std::vector<std::uint64_t> wide;
  if (e.size >= kMax32) wide = {e.size, e.size};
  if (local_offset >= kMax32) wide.push_back(local_offset);
  const auto extra = zip64_extra(wide);
  std::string h;
  put32(h, 0x02014b50);
  put16(h, (3 << 8) | kVersionZip64);  // made by: Unix, 4.5
  put16(h, wide.empty() ? kVersion : kVersionZip64);
  put16(h, kUtf8Names);
  put16(h, 0);
  put16(h, when.time);
  put16(h, when.date);
  put32(h, e.crc32);
  put32(h, clamp32(e.size));
  put32(h, clamp32(e.size));
  put16(h, static_cast<std::uint16_t>(e.name.size()));
  put16(h, static_cast<std::uint16_t>(extra.size()));
  put16(h, 0);               // comment
  put16(h, 0);               // disk
  put16(h, 0);               // internal attributes
  put32(h, 0100644u << 16);  // external: a regular file, rw-r--r--
  put32(h, clamp32(local_offset));
  return h + e.name + extra;
}

// The end records: ZIP64's when the count, the directory's size or its offset overflow.
std::string end_records(std::uint64_t count, std::uint64_t cd_offset, std::uint64_t cd_size) {
  std::string out;
  if (count >= kMax16 || cd_offset >= kMax32 || cd_size >= kMax32) {
    const auto eocd64_offset = cd_offset + cd_size;
    put32(out, 0x06064b50);
    put64(out, 44);
    put16(out, (3 << 8) | kVersionZip64);
    put16(out, kVersionZip64);
    put32(out, 0);
    put32(out, 0);
    put64(out, count);
    put64(out, count);
    put64(out, cd_size);
    put64(out, cd_offset);
    put32(out, 0x07064b50);
    put32(out, 0);
    put64(out, eocd64_offset);
    put32(out, 1);
  }
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint16_t>(std::min<std::uint64_t>(count, kMax16)));
  put16(out, static_cast<std::uint16_t>(std::min<std::uint64_t>(count, kMax16)));
  put32(out, clamp32(cd_size));
  put32(out, clamp32(cd_offset));
  put16(out, 0);
  return out;
}

Error io_error(const Entry& e) {
  auto error = Error::internal();
  error.cause = "zip: " + e.path.string() + ": " + std::strerror(errno);
  return error;
}

}  // namespace

Archive::Archive(std::vector<Entry> entries, std::int64_t modified_unix)
    : entries_(std::move(entries)) {
  const auto when = dos_time(modified_unix);
  std::vector<std::uint64_t> local_offsets;
  auto add = [this](std::string bytes, int entry, std::uint64_t length) {
    segments_.push_back({size_, length, std::move(bytes), entry});
    size_ += length;
  };
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    local_offsets.push_back(size_);
    auto header = local_header(entries_[i], when);
    add(header, -1, header.size());
    if (entries_[i].size > 0) add({}, static_cast<int>(i), entries_[i].size);
  }
  std::string directory;
  for (std::size_t i = 0; i < entries_.size(); ++i)
    directory += central_header(entries_[i], when, local_offsets[i]);
  const auto cd_offset = size_;
  const auto cd_size = directory.size();
  directory += end_records(entries_.size(), cd_offset, cd_size);
  add(directory, -1, directory.size());
}

Result<std::size_t> Archive::read_at(std::uint64_t offset, std::span<char> into) const {
  // The segment holding `offset`: the last one starting at or before it.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), offset,
                             [](std::uint64_t o, const Segment& s) { return o < s.offset; });
  if (it == segments_.begin()) return std::size_t{0};
  --it;
  std::size_t filled = 0;
  for (; it != segments_.end() && filled < into.size(); ++it) {
    const auto skip = offset + filled - it->offset;
    if (skip >= it->length) continue;
    const auto n =
        static_cast<std::size_t>(std::min<std::uint64_t>(it->length - skip, into.size() - filled));
    if (it->entry < 0) {
      std::memcpy(into.data() + filled, it->bytes.data() + skip, n);
    } else {
      const auto& entry = entries_[static_cast<std::size_t>(it->entry)];
      const int fd = ::open(entry.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) return io_error(entry);
      std::size_t done = 0;
      while (done < n) {
        const auto r =
            ::pread(fd, into.data() + filled + done, n - done, static_cast<off_t>(skip + done));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
          const auto e = io_error(entry);
          ::close(fd);
          return e;
        }
        done += static_cast<std::size_t>(r);
      }
      ::close(fd);
    }
    filled += n;
  }
  return filled;
}

std::vector<std::string> unique_names(const std::vector<std::string>& names) {
  std::set<std::string> taken;
  std::map<std::string, int> next;  // per name, the first suffix not tried yet
  std::vector<std::string> out;
  for (const auto& name : names) {
    auto candidate = name;
    const auto dot = name.rfind('.');
    const bool has_ext = dot != std::string::npos && dot != 0;
    const auto stem = has_ext ? name.substr(0, dot) : name;
    const auto ext = has_ext ? name.substr(dot) : std::string();
    for (int& n = next.try_emplace(name, 2).first->second; taken.contains(candidate); ++n)
      candidate = stem + " (" + std::to_string(n) + ")" + ext;
    taken.insert(candidate);
    out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace declic::core::zip
