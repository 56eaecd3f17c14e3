// Streamed zips (core/zip): every byte known in advance, read at any offset, and the result
// accepted by unzip and by Python's zipfile — with ZIP64 past 65,535 entries and past 4 GiB.
#include "core/zip/zip.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace zip = declic::core::zip;
namespace fs = std::filesystem;
using declic::test::unique_name;

namespace {

std::uint32_t crc_of(const std::string& bytes) {
  return static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
}

class Zip : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(dir_); }
  void TearDown() override { fs::remove_all(dir_); }

  zip::Entry file(const std::string& name, const std::string& bytes) {
    const auto path = dir_ / unique_name("f");
    std::ofstream(path, std::ios::binary) << bytes;
    return {name, path, bytes.size(), crc_of(bytes)};
  }
  // The archive written to a file, 1 MiB at a time, runs of zeros left as holes (sparse).
  fs::path written(const zip::Archive& archive) {
    const auto path = dir_ / (unique_name("z") + ".zip");
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<char> buffer(1 << 20), zeros(1 << 20, 0);
    std::uint64_t at = 0;
    for (;;) {
      auto n = archive.read_at(at, buffer);
      EXPECT_TRUE(n.has_value());
      if (!n || *n == 0) break;
      if (*n == buffer.size() && std::memcmp(buffer.data(), zeros.data(), *n) == 0)
        ::lseek(fd, static_cast<off_t>(*n), SEEK_CUR);
      else
        EXPECT_EQ(::write(fd, buffer.data(), *n), static_cast<ssize_t>(*n));
      at += *n;
    }
    EXPECT_EQ(::ftruncate(fd, static_cast<off_t>(at)), 0);
    ::close(fd);
    EXPECT_EQ(at, archive.size());
    return path;
  }
  static int run(const std::string& command, const fs::path& path) {
    return std::system((command + " '" + path.string() + "' > /dev/null 2>&1").c_str());
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }

  fs::path dir_ = fs::path(DECLIC_BUILD_DIR) / unique_name("zip");
};

TEST_F(Zip, SmallArchivePassesUnzipAndPythonAndReadsAtAnyOffset) {
  const zip::Archive archive(
      {file("été.jpg", "first photo"), file("b.png", ""), file("c.jpg", std::string(100000, 'x'))},
      1780000000);
  const auto path = written(archive);
  EXPECT_EQ(run("unzip -t", path), 0);
  EXPECT_EQ(run("/usr/bin/python3 -m zipfile -t", path), 0);
  const auto whole = read(path);
  ASSERT_EQ(whole.size(), archive.size());
  // Any window is the same bytes as the whole: what a resumed download relies on.
  for (const std::uint64_t offset :
       std::vector<std::uint64_t>{0, 1, 30, 57, 100050, whole.size() - 3}) {
    std::vector<char> window(64);
    auto n = archive.read_at(offset, window);
    ASSERT_TRUE(n.has_value());
    EXPECT_EQ(std::string(window.data(), *n), whole.substr(offset, 64));
  }
  std::vector<char> past(8);
  EXPECT_EQ(*archive.read_at(archive.size(), past), 0u);
}

TEST_F(Zip, AFileGoneIsAnErrorNotShortBytes) {
  auto entry = file("gone.jpg", "bytes");
  const zip::Archive archive({entry}, 0);
  fs::remove(entry.path);
  std::vector<char> buffer(1024);
  EXPECT_FALSE(archive.read_at(0, buffer).has_value());
}

TEST_F(Zip, MoreThan65535EntriesUseZip64) {
  const auto one = file("x.jpg", "tiny");
  std::vector<zip::Entry> entries(70000, one);
  std::vector<std::string> names(entries.size(), "IMG.jpg");
  names = zip::unique_names(names);
  for (std::size_t i = 0; i < entries.size(); ++i) entries[i].name = names[i];
  EXPECT_EQ(entries[1].name, "IMG (2).jpg");
  const zip::Archive archive(std::move(entries), 1780000000);
  const auto path = written(archive);
  EXPECT_EQ(run("unzip -tq", path), 0);
  EXPECT_EQ(run("/usr/bin/python3 -m zipfile -t", path), 0);
}

TEST_F(Zip, AnEntryPast4GiBUsesZip64) {
  // A sparse file of zeros: 4 GiB + 1 MiB without the disk space.
  const auto path = dir_ / "big.raw";
  const std::uint64_t size = (4ull << 30) + (1 << 20);
  {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_EQ(::ftruncate(fd, static_cast<off_t>(size)), 0);
    ::close(fd);
  }
  const std::vector<char> zeros(1 << 20, 0);
  uLong crc = crc32(0, Z_NULL, 0);
  for (std::uint64_t done = 0; done < size; done += zeros.size())
    crc = crc32(crc, reinterpret_cast<const Bytef*>(zeros.data()), zeros.size());
  const zip::Archive archive({file("before.jpg", "small"),
                              {"big.tif", path, size, static_cast<std::uint32_t>(crc)},
                              file("after.jpg", "past the 4 GiB mark")},
                             1780000000);
  EXPECT_GT(archive.size(), size);
  const auto out = written(archive);
  EXPECT_EQ(run("unzip -tq", out), 0);
  EXPECT_EQ(run("/usr/bin/python3 -m zipfile -t", out), 0);
}

}  // namespace
